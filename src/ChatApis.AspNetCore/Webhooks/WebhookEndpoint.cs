using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ChatApis.AspNetCore;

/// <summary>
/// What a delivery goes through, in order: the URL token (401), the content type (415), the body within its size
/// cap (413) and deadline (408), the optional verifier (401), the vendor's parser and a non-empty event name (400),
/// the claim (a repeat of a handled delivery: 200 without the handler; one being handled right now: 503 so the
/// sender retries), the handler (it throws: the claim is released and the answer is 500 so the sender retries),
/// then the claim is completed and the answer is 200. Rejections are <c>application/problem+json</c> with a fixed
/// text and one log line; nothing of the body or the token is echoed or logged.
/// </summary>
internal sealed class WebhookEndpoint(
    IDeliveryParser parser,
    WebhookEndpointOptions options,
    string name,
    bool tokenInPath,
    IDeliveryClaimStore store,
    InboundEventOptions shared,
    TimeProvider time,
    ILogger logger)
{
    // The sender is asked to come back once the concurrent copy has most likely finished.
    private const string InProgressRetryAfterSeconds = "60";

    private readonly UrlTokenCheck _tokens = new(options.UrlToken is null ? [] : [options.UrlToken, .. options.PreviousUrlTokens]);

    public async Task InvokeAsync(HttpContext http)
    {
        if (!_tokens.IsEmpty && !_tokens.Matches(PresentedToken(http)))
        {
            await RejectAsync(http, StatusCodes.Status401Unauthorized, "invalid-url-token", "The delivery's URL does not carry the expected token.").ConfigureAwait(false);
            return;
        }

        if (!IsJson(http.Request.ContentType))
        {
            await RejectAsync(http, StatusCodes.Status415UnsupportedMediaType, "unsupported-content-type", "Deliveries must be application/json.").ConfigureAwait(false);
            return;
        }

        var read = await BodyReader.ReadAsync(http, options.MaxBodyBytes, options.BodyReadTimeout, time).ConfigureAwait(false);
        switch (read.Outcome)
        {
            case BodyOutcome.SenderGone:
                return;
            case BodyOutcome.TooLarge:
                await RejectAsync(http, StatusCodes.Status413PayloadTooLarge, "body-too-large", $"The body is larger than {options.MaxBodyBytes} bytes.").ConfigureAwait(false);
                return;
            case BodyOutcome.TimedOut:
                await RejectAsync(http, StatusCodes.Status408RequestTimeout, "body-timeout", "The body did not arrive in time.").ConfigureAwait(false);
                return;
            case BodyOutcome.Malformed:
                await RejectAsync(http, StatusCodes.Status400BadRequest, "malformed-body", "The body could not be read.").ConfigureAwait(false);
                return;
        }

        if (options.Verifier is { } verifier && verifier.Verify(http.Request.Headers, read.Body) is { IsValid: false } failed)
        {
            await RejectAsync(http, StatusCodes.Status401Unauthorized, "invalid-signature", "The delivery's signature could not be verified.", failed.FailureReason).ConfigureAwait(false);
            return;
        }

        ParsedDelivery delivery;
        try
        {
            delivery = parser.Parse(read.Body);
        }
        catch (InvalidDeliveryException ex)
        {
            await RejectAsync(http, StatusCodes.Status400BadRequest, "invalid-payload", ex.Message, ex.ParserFailure).ConfigureAwait(false);
            return;
        }

        await HandleAsync(http, delivery).ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext http, ParsedDelivery delivery)
    {
        var key = delivery.DeliveryKey;
        var eventName = InboundLog.Safe(delivery.EventName);
        var claimId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        DeliveryClaimStatus claim;
        try
        {
            claim = await store.TryClaimAsync(key, claimId, shared.ClaimLease, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            InboundLog.StoreFailed(logger, ex, "claim", parser.Source, key, name);
            await ProblemResponse.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, "claim-store-unavailable", "The delivery could not be recorded; try again later.").ConfigureAwait(false);
            return;
        }

        switch (claim)
        {
            case DeliveryClaimStatus.Completed:
                InboundLog.Duplicate(logger, parser.Source, key, name);
                http.Response.StatusCode = StatusCodes.Status200OK;
                return;
            case DeliveryClaimStatus.InProgress:
                InboundLog.InProgress(logger, parser.Source, key, name);
                http.Response.Headers.RetryAfter = InProgressRetryAfterSeconds;
                await ProblemResponse.WriteAsync(http, StatusCodes.Status503ServiceUnavailable, "delivery-in-progress", "This delivery is being handled by another request; try again later.").ConfigureAwait(false);
                return;
        }

        var context = new InboundEventContext(parser.Source, delivery.EventName, key, name, time.GetUtcNow(), http.RequestServices);
        bool handled;
        try
        {
            handled = await delivery.DispatchAsync(context, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await ReleaseAsync(key, claimId).ConfigureAwait(false);
            InboundLog.HandlerFailed(logger, ex, parser.Source, eventName, key, name);
            await ProblemResponse.WriteAsync(http, StatusCodes.Status500InternalServerError, "handler-failed", "The delivery could not be handled; it may be retried.").ConfigureAwait(false);
            return;
        }

        try
        {
            // Not cancellable: the handler's work is done, and forgetting it would run it again on a retry.
            await store.CompleteAsync(key, claimId, shared.DeduplicationWindow, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The handler ran: a 5xx would make the sender retry and run it again. The claim's lease still holds it.
            InboundLog.StoreFailed(logger, ex, "complete", parser.Source, key, name);
        }

        if (handled)
        {
            InboundLog.Handled(logger, parser.Source, eventName, key, name);
        }
        else
        {
            InboundLog.NoHandler(logger, parser.Source, eventName, key, name);
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task ReleaseAsync(string key, string claimId)
    {
        try
        {
            await store.ReleaseAsync(key, claimId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The lease ends by itself: the sender's retry after it runs the handler again.
            InboundLog.StoreFailed(logger, ex, "release", parser.Source, key, name);
        }
    }

    private string? PresentedToken(HttpContext http) => tokenInPath
        ? http.Request.RouteValues[WebhookUrlToken.RouteParameterName] as string
        : http.Request.Query[WebhookUrlToken.QueryParameterName] is { Count: 1 } values ? values[0] : null;

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.MediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        && (media.Charset.Length == 0 || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || media.Charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));

    private async Task RejectAsync(HttpContext http, int status, string code, string detail, string? reason = null)
    {
        InboundLog.Rejected(logger, parser.Source, name, status, code, reason is null ? "" : $" ({InboundLog.Safe(reason)})");
        await ProblemResponse.WriteAsync(http, status, code, detail).ConfigureAwait(false);
    }
}
