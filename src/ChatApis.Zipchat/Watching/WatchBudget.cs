using ChatApis.Http;

namespace ChatApis.Zipchat;

/// <summary>
/// Keeps a watch within Zipchat's 120 requests per 60 s. The server's <c>X-RateLimit-Remaining</c> counts every
/// caller of the integration (the app's own replies too), so it is trusted first: at
/// <see cref="ZipchatWatchOptions.ReservedRequests"/> or below, the next request waits for
/// <c>X-RateLimit-Reset</c>. A server that sends no such header is met with the watch's own count of its requests
/// in the last 60 s. Between polls, the wait grows with the requests a poll took (see
/// <see cref="ZipchatWatchOptions.BudgetShare"/>). Used by one watch at a time (requests are sequential).
/// </summary>
internal sealed class WatchBudget(ZipchatWatchOptions options, TimeProvider time)
{
    internal const int DocumentedLimit = 120;
    internal static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly Queue<DateTimeOffset> _sent = new();
    private RateLimitInfo? _server;

    /// <summary>Requests sent so far.</summary>
    public int Requests { get; private set; }

    /// <summary>Sends one request once the budget allows it, and learns from the response's headers.</summary>
    /// <typeparam name="T">The response value.</typeparam>
    /// <param name="call">The request.</param>
    /// <param name="cancellationToken">Cancels the wait and the request.</param>
    /// <returns>The response.</returns>
    public async Task<ApiResponse<T>> SendAsync<T>(Func<CancellationToken, Task<ApiResponse<T>>> call, CancellationToken cancellationToken)
    {
        var wait = WaitBeforeRequest();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }

        _sent.Enqueue(time.GetUtcNow());
        Requests++;
        var response = await call(cancellationToken).ConfigureAwait(false);
        if (response.RateLimit is { Remaining: not null, ResetAt: not null } info)
        {
            _server = info;
        }

        return response;
    }

    /// <summary>How long to wait before the next request.</summary>
    /// <returns>Zero when it may go now.</returns>
    public TimeSpan WaitBeforeRequest()
    {
        var now = time.GetUtcNow();
        while (_sent.Count > 0 && _sent.Peek() <= now - Window)
        {
            _sent.Dequeue();
        }

        if (_server is { Remaining: { } remaining, ResetAt: { } resetAt })
        {
            // After the reset the last count is stale: the next response brings a fresh one.
            return remaining <= options.ReservedRequests && resetAt > now ? resetAt - now : TimeSpan.Zero;
        }

        return _sent.Count >= DocumentedLimit - options.ReservedRequests ? _sent.Peek() + Window - now : TimeSpan.Zero;
    }

    /// <summary>The wait before the next poll: the interval, or longer when the last poll took many requests.</summary>
    /// <param name="pollRequests">Requests the last poll took.</param>
    /// <returns>The wait.</returns>
    public TimeSpan DelayBeforeNextPoll(int pollRequests)
    {
        var limit = _server?.Limit is { } advertised and > 0 ? advertised : DocumentedLimit;
        var perWindow = Math.Max(1, (int)(limit * options.BudgetShare));
        var paced = TimeSpan.FromTicks(Window.Ticks * pollRequests / perWindow);
        return paced > options.PollInterval ? paced : options.PollInterval;
    }
}
