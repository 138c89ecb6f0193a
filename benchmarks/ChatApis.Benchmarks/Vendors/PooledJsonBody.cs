using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChatApis.Benchmarks.Vendors;

/// <summary>
/// The fastest raw code (<see cref="ClientKind.Best"/>): what Core's reader does with a body of declared length,
/// written by hand. The body is read whole into one pooled buffer (no stream parser state, no growing buffers) and
/// parsed in one synchronous pass; a request body is serialized once into bytes, so it goes out with a Content-Length.
/// </summary>
public static class PooledJsonBody
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    /// <summary>Reads the whole body of <paramref name="response"/> (its length declared) and parses it.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        response.EnsureSuccessStatusCode();
        var length = checked((int)(response.Content.Headers.ContentLength
            ?? throw new InvalidOperationException("The benchmark server and the stub declare every body's length.")));
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
            {
                await stream.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            }

            return JsonSerializer.Deserialize(buffer.AsSpan(0, length), typeInfo)!;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>A JSON request body serialized once, sent with its Content-Length.</summary>
    public static ByteArrayContent Content<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = JsonType;
        return content;
    }
}
