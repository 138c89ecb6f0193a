using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatApis.Testing;

/// <summary>The response plumbing the fault kinds share.</summary>
internal static class FaultIo
{
    /// <summary>
    /// Runs the endpoint with its response body captured in memory. The body feature is swapped rather
    /// than just <see cref="HttpResponse.Body"/>, so even an endpoint that calls <c>StartAsync</c> or
    /// writes through <c>BodyWriter</c> cannot put a byte on the wire: the fault decides what goes out.
    /// Status code and headers stay on the real response.
    /// </summary>
    public static async Task<byte[]> RunEndpointCapturedAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer);
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await next(context).ConfigureAwait(false);

            // Whatever the endpoint left in the pipe writer belongs to the body too.
            await capture.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            context.Features.Set(original);
        }

        return buffer.ToArray();
    }

    /// <summary>Writes a complete small response with an exact Content-Length.</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string? contentType, ReadOnlyMemory<byte> body)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        if (contentType is not null)
        {
            response.ContentType = contentType;
        }

        response.ContentLength = body.Length;
        return body.IsEmpty ? Task.CompletedTask : response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>Sends the headers and <paramref name="chunk"/> and makes sure they leave the server now.</summary>
    public static async Task SendNowAsync(HttpContext context, ReadOnlyMemory<byte> chunk)
    {
        var response = context.Response;
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
        if (!chunk.IsEmpty)
        {
            await response.Body.WriteAsync(chunk, context.RequestAborted).ConfigureAwait(false);
        }

        await response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until the client disconnects. Host shutdown ends the wait too, so disposing a simulator
    /// never waits for a test's client to give up.
    /// </summary>
    public static async Task WaitForDisconnectAsync(HttpContext context)
    {
        var stopping = context.RequestServices.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The wait is over; what ends it does not matter.
        }
    }
}
