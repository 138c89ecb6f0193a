using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatApis.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatApis.Core.Tests.Support;

/// <summary>
/// A small generic API on loopback for exercising the Core pipeline: items to page through (by number
/// and by time), a create endpoint that counts its effects, an OAuth token endpoint that rotates refresh
/// tokens, and a bearer-protected resource.
/// </summary>
public sealed class CoreSimulator(SimulatorHostOptions? options = null) : SimulatorHost(options)
{
    private int _created;
    private int _refreshes;
    private readonly object _tokenGate = new();

    public int TotalItems { get; set; } = 25;

    public int CreatedCount => Volatile.Read(ref _created);

    public int RefreshCount => Volatile.Read(ref _refreshes);

    /// <summary>The access token the protected resource accepts now.</summary>
    public string CurrentAccessToken { get; private set; } = "access-0";

    /// <summary>The refresh token the token endpoint accepts now (rotated by every refresh).</summary>
    public string CurrentRefreshToken { get; private set; } = "refresh-0";

    /// <summary>When set, the token endpoint answers invalid_grant.</summary>
    public bool RejectRefresh { get; set; }

    /// <summary>Simulates a token endpoint that is slow, to widen any refresh race.</summary>
    public TimeSpan RefreshLatency { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The newest-first timeline served by /timeline (id, created_at).</summary>
    public List<(string Id, DateTimeOffset CreatedAt)> Timeline { get; } = [];

    /// <summary>Whether /timeline reads created_to strictly ("before": &lt;) instead of inclusively (&lt;=).</summary>
    public bool StrictCreatedTo { get; set; }

    public void ExpireAccessToken() => CurrentAccessToken = "revoked-" + Guid.NewGuid().ToString("N");

    protected override void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/items", (HttpContext http) =>
        {
            var page = int.Parse(http.Request.Query["page"].ToString() is { Length: > 0 } p ? p : "1", CultureInfo.InvariantCulture);
            var perPage = int.Parse(http.Request.Query["per_page"].ToString() is { Length: > 0 } s ? s : "10", CultureInfo.InvariantCulture);
            var zeroBased = http.Request.Query["base"] == "0";
            var start = (zeroBased ? page : page - 1) * perPage;
            var items = new JsonArray();
            for (var i = start; i < Math.Min(start + perPage, TotalItems); i++)
            {
                items.Add(new JsonObject { ["id"] = i.ToString(CultureInfo.InvariantCulture), ["name"] = $"item {i}" });
            }

            return Json(items.ToJsonString());
        });

        routes.MapGet("/v1/thing", () => Json("""{"id":"t1","name":"Thing","count":3,"active":true,"brand_new_field":{"nested":[1,2]}}"""));

        // The thing (or an error, or a body that decodes past any sane size) in the encoding the path names.
        routes.MapGet("/v1/encoded/{encoding}/{kind}", (string encoding, string kind) =>
        {
            var (json, status) = kind switch
            {
                "error" => ("""{"error":"validation_failed","message":"Name is required."}""", 422),
                "huge" => ($$"""{"id":"t1","name":"{{new string('a', 1_200_000)}}"}""", 200),
                _ => ("""{"id":"t1","name":"Thing","count":3,"active":true}""", 200),
            };
            return Results.Stream(
                async stream =>
                {
                    await using var encoder = encoding switch
                    {
                        "gzip" => (Stream)new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true),
                        "br" => new System.IO.Compression.BrotliStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true),
                        _ => new System.IO.Compression.DeflateStream(stream, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true),
                    };
                    await encoder.WriteAsync(System.Text.Encoding.UTF8.GetBytes(json));
                },
                "application/json").WithEncoding(encoding, status);
        });

        routes.MapPost("/v1/things", async (HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            var n = Interlocked.Increment(ref _created);
            return Json($$"""{"id":"thing_{{n}}","name":{{body.RootElement.GetProperty("name").GetRawText()}}}""", 201);
        });

        routes.MapDelete("/v1/things/{id}", () => Results.StatusCode(204));

        routes.MapGet("/v1/timeline", (HttpContext http) =>
        {
            var perPage = int.Parse(http.Request.Query["per_page"].ToString(), CultureInfo.InvariantCulture);
            var to = http.Request.Query["created_to"].ToString();
            var cutoff = to.Length == 0 ? DateTimeOffset.MaxValue : DateTimeOffset.Parse(to, CultureInfo.InvariantCulture);

            // Inclusive upper bound by default: items at the cursor come back again, as a real API may do.
            var page = Timeline.Where(t => StrictCreatedTo ? t.CreatedAt < cutoff : t.CreatedAt <= cutoff).OrderByDescending(t => t.CreatedAt).Take(perPage);
            var items = new JsonArray();
            foreach (var (id, at) in page)
            {
                items.Add(new JsonObject { ["id"] = id, ["created_at"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture) });
            }

            return Json(items.ToJsonString());
        });

        routes.MapPost("/oauth/token", async (HttpContext http) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            var presented = body.RootElement.GetProperty("refresh_token").GetString();
            await Task.Delay(RefreshLatency);
            lock (_tokenGate)
            {
                if (RejectRefresh || presented != CurrentRefreshToken)
                {
                    return Json("""{"error":"invalid_grant","message":"The refresh token is invalid."}""", 400);
                }

                var n = Interlocked.Increment(ref _refreshes);
                CurrentAccessToken = $"access-{n}";
                CurrentRefreshToken = $"refresh-{n}";
                return Json($$"""{"token_type":"Bearer","expires_in":3600,"access_token":"{{CurrentAccessToken}}","refresh_token":"{{CurrentRefreshToken}}"}""");
            }
        });

        routes.MapGet("/v1/secure", (HttpContext http) =>
            http.Request.Headers.Authorization.ToString() == "Bearer " + CurrentAccessToken
                ? Json("""{"id":"secure","name":"Secret stuff","count":1,"active":true}""")
                : Json("""{"error":"Unauthenticated","message":"The access token is invalid."}""", 401));
    }
}

internal static class EncodedResults
{
    /// <summary>Sends the result with a Content-Encoding header and a status.</summary>
    public static IResult WithEncoding(this IResult inner, string encoding, int status) => new Encoded(inner, encoding, status);

    private sealed class Encoded(IResult inner, string encoding, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.Headers.ContentEncoding = encoding;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
