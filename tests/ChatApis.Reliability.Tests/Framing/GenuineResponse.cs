using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChatApis.Http;
using ChatApis.Reliability.Tests.Support;

namespace ChatApis.Reliability.Tests.Framing;

/// <summary>
/// What a surface's simulator really answers to the surface's read (status, content type, request id,
/// body bytes), and what the SDK parses from it: the raw-socket cases re-frame these bytes badly, and a
/// case that parses must parse exactly this.
/// </summary>
/// <param name="Status">The status code.</param>
/// <param name="Reason">The reason phrase.</param>
/// <param name="ContentType">The Content-Type header, if any.</param>
/// <param name="Body">The body bytes (never compressed: the forwarder does not ask for compression).</param>
/// <param name="Parsed">The parsed value, as JSON (see <see cref="Snapshot"/>).</param>
public sealed record GenuineResponse(int Status, string Reason, string? ContentType, byte[] Body, string Parsed)
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<GenuineResponse>>> BySurface = new(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions SnapshotOptions = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver(), WriteIndented = false };

    /// <summary>
    /// The genuine answer of <paramref name="surface"/>'s read. Computed once per surface (the simulators'
    /// seed data is fixed, so it is the same whichever test asks first).
    /// </summary>
    public static Task<GenuineResponse> Of(Surface surface)
    {
        var capture = BySurface.GetOrAdd(surface.Name, _ => new Lazy<Task<GenuineResponse>>(() => CaptureAsync(surface)));

        // A capture that failed is not kept: the next case tries again instead of inheriting the failure.
        if (capture.Value.IsFaulted)
        {
            BySurface.TryRemove(new KeyValuePair<string, Lazy<Task<GenuineResponse>>>(surface.Name, capture));
        }

        return capture.Value;
    }

    /// <summary>The response head with the given framing headers (and nothing after them but the blank line).</summary>
    public string Head(params string[] framing)
    {
        var head = new StringBuilder($"HTTP/1.1 {Status} {Reason}\r\n");
        if (ContentType is not null)
        {
            head.Append($"Content-Type: {ContentType}\r\n");
        }

        foreach (var line in framing)
        {
            head.Append(line).Append("\r\n");
        }

        return head.Append("\r\n").ToString();
    }

    /// <summary>The value of a call's result (an <see cref="ApiResponse{T}"/>), as JSON, to compare two parses field by field.</summary>
    public static string Snapshot(object? result)
    {
        var value = result?.GetType().GetProperty(nameof(ApiResponse<int>.Value))?.GetValue(result);
        return value is null ? "null" : JsonSerializer.Serialize(value, value.GetType(), SnapshotOptions);
    }

    // A raw server between a real client and the simulator: the client's request goes upstream as sent
    // (minus hop-by-hop headers and Accept-Encoding), the answer comes back whole and is recorded.
    private static async Task<GenuineResponse> CaptureAsync(Surface surface)
    {
        await using var sim = surface.CreateSimulator();
        await sim.StartAsync(CancellationToken.None);
        using var upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        (int Status, string Reason, string? ContentType, byte[] Body)? captured = null;
        await using var server = new RawHttpServer(async c =>
        {
            var request = await c.ReadRequestAsync();
            if (request is null)
            {
                return;
            }

            using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(sim.BaseAddress, request.Target));
            foreach (var (name, value) in request.Headers)
            {
                if (name is not ("Host" or "Connection" or "Content-Length" or "Transfer-Encoding" or "Accept-Encoding" or "Content-Type"))
                {
                    forward.Headers.TryAddWithoutValidation(name, value);
                }
            }

            if (request.Body.Length > 0)
            {
                forward.Content = new ByteArrayContent(request.Body);
                forward.Content.Headers.TryAddWithoutValidation("Content-Type", request.Headers["Content-Type"]);
            }

            using var answer = await upstream.SendAsync(forward);
            var body = await answer.Content.ReadAsByteArrayAsync();
            captured = ((int)answer.StatusCode, answer.ReasonPhrase ?? "OK", answer.Content.Headers.ContentType?.ToString(), body);
            var head = $"HTTP/1.1 {(int)answer.StatusCode} {answer.ReasonPhrase}\r\n" +
                (answer.Content.Headers.ContentType is { } type ? $"Content-Type: {type}\r\n" : "") +
                $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n";
            await c.WriteAsync(Encoding.ASCII.GetBytes(head).Concat(body).ToArray());
            c.EndOutput();
            await c.HoldAsync();
        });
        using var client = surface.CreateClient(server.ApiBaseFor(surface), new ClientSettings { MaxRetries = 0 });
        var (value, error) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));
        if (error is not null || captured is not { } genuine)
        {
            throw new InvalidOperationException($"Could not capture {surface}'s genuine answer to {surface.Read.Name}: {error}");
        }

        return new GenuineResponse(genuine.Status, genuine.Reason, genuine.ContentType, genuine.Body, Snapshot(value));
    }
}
