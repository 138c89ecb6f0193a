using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ChatApis.AspNetCore;

/// <summary>
/// Reads a delivery body whole, within a size cap and a deadline for the whole body (on the app's
/// <see cref="TimeProvider"/>), so an oversize or trickling body cannot tie the endpoint up.
/// </summary>
internal static class BodyReader
{
    private const int ChunkBytes = 16 * 1024;

    public static async Task<BodyRead> ReadAsync(HttpContext http, int maxBytes, TimeSpan timeout, TimeProvider time)
    {
        var request = http.Request;
        if (request.ContentLength > maxBytes)
        {
            return new BodyRead(BodyOutcome.TooLarge, []);
        }

        // Kestrel enforces the cap too (chunked bodies have no length up front).
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, http.RequestAborted);
        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? ChunkBytes, maxBytes));
        var chunk = new byte[ChunkBytes];
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(chunk, linked.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    return new BodyRead(BodyOutcome.Read, buffer.ToArray());
                }

                if (buffer.Length + read > maxBytes)
                {
                    return new BodyRead(BodyOutcome.TooLarge, []);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return new BodyRead(BodyOutcome.SenderGone, []);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return new BodyRead(BodyOutcome.TimedOut, []);
        }
        catch (BadHttpRequestException ex)
        {
            return new BodyRead(ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? BodyOutcome.TooLarge : BodyOutcome.Malformed, []);
        }
        catch (IOException)
        {
            // The connection broke mid-body (e.g. a reset).
            return new BodyRead(BodyOutcome.SenderGone, []);
        }
    }
}

/// <summary>What <see cref="BodyReader"/> got.</summary>
internal enum BodyOutcome
{
    Read,
    TooLarge,
    TimedOut,
    Malformed,
    SenderGone,
}

/// <summary>The outcome of reading a body, and the body when it was read.</summary>
internal readonly record struct BodyRead(BodyOutcome Outcome, byte[] Body);
