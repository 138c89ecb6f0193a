using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChatApis.Http;

namespace ChatApis.Pipeline;

/// <summary>
/// Reads a successful body into the call's value under the response-size cap: a declared-length body is read
/// whole into a pooled buffer and parsed in one pass, a large or open-ended (e.g. decoded) one streams into
/// the deserializer with the cap counted as it goes, and a custom parser reads what is not JSON. JSON
/// <c>null</c> is not a value. Throws what it meets (JSON, size, decoding, I/O); the attempt runner types it.
/// </summary>
internal sealed class ResponseReader(ChatApiClientOptions options)
{
    /// <summary>The most of a body that is drained (or read as an error) before the rest is given up.</summary>
    public const int MaxDrainedBytes = 64 * 1024;

    private const int MaxBufferedBodyBytes = 1024 * 1024;

    /// <summary>The parser of a call whose successful body carries nothing the caller needs (e.g. a 204).</summary>
    public static readonly ResponseParser<bool> Discard = DiscardAsync;

    /// <summary>Reads the body as <paramref name="body"/> says.</summary>
    public ValueTask<T> ReadAsync<T>(HttpContent content, ExpectedBody<T> body, CancellationToken cancellationToken) =>
        body.Json is not null ? ReadJsonAsync(content, body.Json, cancellationToken) : body.Parser!(content, cancellationToken);

    // Every call passes through here; a pooled state machine keeps it from allocating.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<T> ReadJsonAsync<T>(HttpContent content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var length = content.Headers.ContentLength;
        if (length > options.MaxResponseBytes)
        {
            throw new ResponseTooLargeException(options.MaxResponseBytes);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var value = length <= MaxBufferedBodyBytes
                ? await ReadBufferedAsync(stream, (int)length.Value, typeInfo, cancellationToken).ConfigureAwait(false)
                : await ReadStreamingAsync(stream, length is null, typeInfo, cancellationToken).ConfigureAwait(false);
            return value ?? throw new JsonException("The response body was JSON null.");
        }
    }

    // A body of declared, modest length is read whole into a pooled buffer (a few large reads) and parsed in
    // one synchronous pass, which is faster than parsing while the body streams in and allocates nothing
    // for the buffer. HTTP framing guarantees the body is no longer than declared.
    private static async ValueTask<T?> ReadBufferedAsync<T>(Stream stream, int length, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            var filled = 0;
            int read;
            while (filled < length && (read = await stream.ReadAsync(buffer.AsMemory(filled, length - filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
            }

            return JsonSerializer.Deserialize(buffer.AsSpan(0, filled), typeInfo);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // A large or open-ended body streams into the deserializer; an open-ended one is counted against the cap.
    private async ValueTask<T?> ReadStreamingAsync<T>(Stream stream, bool openEnded, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync(openEnded ? new CappedReadStream(stream, options.MaxResponseBytes) : stream, typeInfo, cancellationToken).ConfigureAwait(false);

    private static async ValueTask<bool> DiscardAsync(HttpContent content, CancellationToken cancellationToken)
    {
        // Drain a small body so the connection can be reused; cap it so a hostile body cannot stall us.
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var capped = new CappedReadStream(stream, MaxDrainedBytes);
        await capped.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
