using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>
/// <c>/_admin/faults</c> (when <see cref="SimulatorHostOptions.AdminEndpoints"/> is on): fault rules asked for
/// over HTTP, one <see cref="FaultSpec"/> per POST, so paging and retries can be tried with curl. It runs before
/// the journal and the fault injector: admin calls are not the traffic under test, and a fault on every request
/// must not lock its own admin out.
/// </summary>
internal sealed class FaultAdminMiddleware(FaultInjector faults)
{
    public const string Path = "/_admin/faults";

    /// <summary>What the routes listing shows for these endpoints.</summary>
    public static IReadOnlyList<(string Method, string Path)> Routes { get; } = [("GET", Path), ("POST", Path), ("DELETE", Path)];

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!string.Equals(RequestPaths.RawPath(context).TrimEnd('/'), Path, StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var (status, body) = context.Request.Method switch
        {
            "GET" => (200, List()),
            "POST" => await AddAsync(context).ConfigureAwait(false),
            "DELETE" => Clear(),
            _ => (405, Error("method_not_allowed", "Use GET (list), POST (add one rule, the body a fault spec) or DELETE (remove every rule).")),
        };
        context.Response.StatusCode = status;
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(JsonText.Options));
            context.Response.ContentType = RawJsonResult.JsonContentType;
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task<(int, JsonNode?)> AddAsync(HttpContext context)
    {
        // The spec is the whole body (curl -d '503x2'), or the `fault` query parameter (curl -X POST '...?fault=503x2').
        string text;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            text = context.Request.Query["fault"].ToString();
        }

        FaultSpec spec;
        try
        {
            spec = FaultSpec.Parse(text);
        }
        catch (ArgumentException e)
        {
            return (400, Error("invalid_fault", e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal)));
        }

        var rule = spec.ApplyTo(faults);
        var answer = Describe(rule);
        answer["fault"] = spec.Text;
        answer["count"] = spec.Count is { } count ? count : "always";
        return (201, answer);
    }

    private (int, JsonNode?) Clear()
    {
        faults.Clear();
        return (204, null);
    }

    private JsonObject List() =>
        new() { ["rules"] = new JsonArray([.. faults.Rules.Select(rule => (JsonNode)Describe(rule))]) };

    private static JsonObject Describe(FaultRule rule) => new()
    {
        ["method"] = rule.Method,
        ["path"] = rule.Path,
        ["pending"] = rule.HasPending,
        ["triggered"] = rule.Triggered,
    };

    private static JsonObject Error(string code, string message) => new() { ["error"] = code, ["message"] = message };
}
