using ChatApis.Http;

namespace ChatApis.Zipchat;

// The chat-wide watch: the Backend API has no webhooks, so new messages are found by polling.
public partial class ZipchatClient
{
    /// <summary>
    /// Watches the whole chat for new messages: each poll lists the conversations active since the cursor
    /// (<c>last_message_at_since</c>) and reads each one's messages since it (<c>message_created_at_since</c>),
    /// every page of both, and yields each new message once, oldest first across the chat. Polls are spaced by
    /// <see cref="ZipchatWatchOptions.PollInterval"/>, longer when a poll took many requests, and pause when the
    /// server's <c>X-RateLimit-Remaining</c> reaches <see cref="ZipchatWatchOptions.ReservedRequests"/>, so the watch
    /// stays within the 120-per-60-s budget instead of drawing 429s. Waits use the client's <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="cursor">
    /// Where to start: <see cref="ZipchatWatchCursor.StartingAt"/> an instant, or the <see cref="ZipchatNewMessage.Cursor"/>
    /// of the last message handled (persisted with <see cref="ZipchatWatchCursor.Serialize"/>) to resume without loss
    /// or duplicates.
    /// </param>
    /// <param name="watchOptions">The poll interval, page sizes and budget settings; the defaults when <c>null</c>.</param>
    /// <param name="options">
    /// Settings for every request the watch makes (each request's timeout, extra headers): the watch itself runs until
    /// cancelled. No idempotency key.
    /// </param>
    /// <param name="cancellationToken">Stops the watch.</param>
    /// <returns>
    /// An endless stream of new messages. It ends only by throwing: <see cref="OperationCanceledException"/> when
    /// <paramref name="cancellationToken"/> (or the enumerator's token) is cancelled, or the <see cref="ChatApiException"/>
    /// of a failed poll (resume from the last cursor handled).
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">A watch option is out of range (named, with its range).</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> has an idempotency key (Zipchat has none).</exception>
    public virtual IAsyncEnumerable<ZipchatNewMessage> WatchNewMessagesAsync(ZipchatWatchCursor cursor, ZipchatWatchOptions? watchOptions = null, RequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        var settings = (watchOptions ?? new ZipchatWatchOptions()).Copy();
        settings.EnsureValid();
        RefuseIdempotencyKey(options);
        return new ChatWatcher(this, cursor, settings, options, Pipeline.Time, cancellationToken);
    }
}
