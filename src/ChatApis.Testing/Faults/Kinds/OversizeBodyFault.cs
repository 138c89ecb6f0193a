using Microsoft.AspNetCore.Http;

namespace ChatApis.Testing;

/// <summary>Answers with a huge but valid JSON string; see <see cref="Fault.OversizeBody"/>.</summary>
public sealed record OversizeBodyFault : Fault
{
    private const int ChunkSize = 64 * 1024;

    internal OversizeBodyFault(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 2);
        Bytes = bytes;
    }

    /// <summary>The exact body size in bytes.</summary>
    public long Bytes { get; }

    internal override async Task ExecuteAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = Bytes;

        // Valid JSON on purpose: the test is about the SDK's size limits, not its parser's error path.
        var quote = "\""u8.ToArray();
        var filler = new byte[(int)Math.Min(ChunkSize, Bytes - 2)];
        Array.Fill(filler, (byte)'x');

        var ct = context.RequestAborted;
        await response.Body.WriteAsync(quote, ct).ConfigureAwait(false);
        for (var left = Bytes - 2; left > 0; left -= filler.Length)
        {
            await response.Body.WriteAsync(filler.AsMemory(0, (int)Math.Min(filler.Length, left)), ct).ConfigureAwait(false);
        }

        await response.Body.WriteAsync(quote, ct).ConfigureAwait(false);
    }
}
