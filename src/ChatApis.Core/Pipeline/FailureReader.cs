using System.Text;
using System.Text.Json;
using ChatApis.Http;
using ChatApis.Resilience;
using ChatApis.Safety;

namespace ChatApis.Pipeline;

/// <summary>
/// Turns a response that is not the success it should be into the typed, redacted exception the caller sees:
/// an error status (its body read under a cap, parsed by the vendor's error reader, hints for the retry
/// policy kept, a redirect described without being followed, an OAuth dead end told apart, a 404 naming the URL
/// it went to), or a success
/// whose body is unusable. Everything the server chose is redacted, after parsing as well as before.
/// </summary>
internal sealed class FailureReader(VendorProfile vendor, SecretRedactor secrets, TimeProvider time, Uri baseAddress, RequestTarget target)
{
    /// <summary>Reads an error response (status outside 2xx) into its typed exception.</summary>
    public async Task<ChatApiException> ReadAsync(HttpResponseMessage response, ApiCall call, CancellationToken cancellationToken)
    {
        // The credential this attempt carried is the one a server is most likely to echo, and with OAuth it
        // may have rotated since the options were read: learn it before anything from the body is kept.
        var sent = response.RequestMessage;
        secrets.Add(sent?.Headers.Authorization?.Parameter);
        var body = secrets.RedactUtf8(await ReadErrorBodyAsync(response.Content, cancellationToken).ConfigureAwait(false));
        var status = (int)response.StatusCode;
        var parsed = vendor.ErrorReader.Read(status, response.Content.Headers.ContentType?.MediaType, body);
        var retryAfter = RetryHints.FromHeaders(response.Headers, status, time.GetUtcNow()) ?? parsed.RetryAfter;
        var message = parsed.Message;
        if (status is >= 300 and <= 399)
        {
            var location = response.Headers.Location;
            message = location is null
                ? "a redirect without a Location was not followed"
                : $"a redirect to {(location.IsAbsoluteUri ? location : new Uri(sent?.RequestUri ?? baseAddress, location)).GetLeftPart(UriPartial.Authority)} was not followed (redirects are never followed automatically)";
        }

        // Everything the server chose is redacted again after parsing: a JSON string may have spelled
        // a secret with escapes that only the parser turns back into the secret.
        var details = new ChatApiErrorDetails(
            response.StatusCode,
            secrets.Redact(parsed.ErrorCode),
            secrets.Redact(message),
            secrets.Redact(vendor.RequestIdOf(response)),
            retryAfter,
            body.Length == 0 ? null : secrets.Redact(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, ChatApiException.MaxRawBodyLength * 4))),
            vendor.Name,
            call.RateLimitOf(response),
            call.Attempt);
        var operation = call.Operation.ToString();
        // A 404 names where the request went (path as the template, no query): a wrong base address shows.
        var error = vendor.MapError?.Invoke(details, operation)
            ?? ChatApiExceptionFactory.FromResponse(details, operation, status == 404 ? secrets.Redact(target.Url(call.Operation)) : null);

        // The OAuth handler passed a 401 on because no refresh can help: the user must authorize again.
        return status == 401 && sent?.Options.TryGetValue(ChatApiRequestOptionKeys.ReauthorizationRequired, out var reason) == true
            ? new ChatApiReauthorizationRequiredException($"{error.Message}. {reason}", details)
            : error;
    }

    /// <summary>A success whose body cannot be the value: <paramref name="problem"/> completes "but its body …".</summary>
    public ChatApiInvalidResponseException InvalidBody(HttpResponseMessage response, ApiCall call, string problem, Exception? inner)
    {
        var details = new ChatApiErrorDetails(response.StatusCode, null, null, secrets.Redact(vendor.RequestIdOf(response)), null, null, vendor.Name, call.RateLimitOf(response), call.Attempt);
        return new ChatApiInvalidResponseException(
            secrets.Redact($"{vendor.Name} {call.Operation} answered {(int)response.StatusCode}{details.AfterAttempts} but its body {problem}."),
            details,
            WithoutSecrets(inner));
    }

    // A JSON converter may quote a bit of the body in its message (e.g. "'...' is not an ISO 8601
    // timestamp"), and ToString() prints inner exceptions: one that quotes a secret is replaced.
    private Exception? WithoutSecrets(Exception? inner) =>
        inner is JsonException json && !ReferenceEquals(json.Message, secrets.Redact(json.Message))
            ? new JsonException(secrets.Redact(json.Message), json.Path, json.LineNumber, json.BytePositionInLine)
            : inner;

    private static async Task<byte[]> ReadErrorBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new MemoryStream();
                var chunk = new byte[8192];
                int read;
                while (buffer.Length < ResponseReader.MaxDrainedBytes && (read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    buffer.Write(chunk, 0, (int)Math.Min(read, ResponseReader.MaxDrainedBytes - buffer.Length));
                }

                return buffer.ToArray();
            }
        }
        catch (Exception ex) when ((ex is IOException or HttpRequestException or ContentDecodingException) && !cancellationToken.IsCancellationRequested)
        {
            // The status already says what happened; a body cut short, or labelled with an encoding it
            // does not have, adds nothing we must have.
            return [];
        }
    }
}
