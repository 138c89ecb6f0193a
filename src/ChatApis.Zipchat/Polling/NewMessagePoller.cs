using ChatApis.Http;

namespace ChatApis.Zipchat;

/// <summary>
/// The stream behind <see cref="ZipchatClient.PollNewMessagesAsync"/>. Each poll walks the message pages
/// created since the cursor, yields the messages not seen yet (oldest first), then moves the cursor to the
/// newest <c>created_at</c> seen. The server's filter is taken as inclusive, so messages at the cursor come
/// back on the next poll and are dropped by id; only the ids at or after the cursor are remembered, so
/// memory stays flat however long the conversation runs.
/// </summary>
internal sealed class NewMessagePoller(
    Func<int, DateTimeOffset, CancellationToken, Task<ApiResponse<ConversationDetails>>> fetchPage,
    int pageSize,
    DateTimeOffset since,
    TimeSpan interval,
    TimeProvider time,
    CancellationToken callCancellationToken) : IAsyncEnumerable<Message>
{
    public async IAsyncEnumerator<Message> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callCancellationToken, cancellationToken);
        var token = linked.Token;
        var cursor = since;
        var seen = new Dictionary<long, DateTimeOffset>();
        while (true)
        {
            var fresh = await Cancellable(() => PollOnceAsync(cursor, seen, token), cancellationToken).ConfigureAwait(false);
            foreach (var message in fresh)
            {
                seen[message.Id] = message.CreatedAt;
                yield return message;
            }

            if (fresh.Count > 0 && fresh[^1].CreatedAt > cursor)
            {
                cursor = fresh[^1].CreatedAt;
                foreach (var stale in seen.Where(pair => pair.Value < cursor).Select(pair => pair.Key).ToList())
                {
                    seen.Remove(stale);
                }
            }

            await Cancellable(() => DelayAsync(token), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> DelayAsync(CancellationToken token)
    {
        await Task.Delay(interval, time, token).ConfigureAwait(false);
        return true;
    }

    // The cancellation is reported with the caller's own token (not the internal linked one), so a
    // caller can tell its cancellation from any other.
    private async Task<T> Cancellable<T>(Func<Task<T>> work, CancellationToken enumeratorToken)
    {
        try
        {
            callCancellationToken.ThrowIfCancellationRequested();
            enumeratorToken.ThrowIfCancellationRequested();
            return await work().ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (callCancellationToken.IsCancellationRequested || enumeratorToken.IsCancellationRequested)
        {
            var token = callCancellationToken.IsCancellationRequested ? callCancellationToken : enumeratorToken;
            if (ex.CancellationToken == token)
            {
                throw;
            }

            throw new OperationCanceledException(ex.Message, ex, token);
        }
    }

    private async Task<List<Message>> PollOnceAsync(DateTimeOffset cursor, Dictionary<long, DateTimeOffset> seen, CancellationToken token)
    {
        var fresh = new List<Message>();
        var ids = new HashSet<long>();
        for (var page = 1; ; page++)
        {
            var response = await fetchPage(page, cursor, token).ConfigureAwait(false);
            var messages = response.Value.Messages;
            foreach (var message in messages)
            {
                // Older than the cursor: seen already, or before the caller's start (a server ignoring the filter).
                if (message.CreatedAt >= cursor && !seen.ContainsKey(message.Id) && ids.Add(message.Id))
                {
                    fresh.Add(message);
                }
            }

            if (messages.Count < pageSize)
            {
                break;
            }
        }

        fresh.Sort(static (a, b) => a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : a.Id.CompareTo(b.Id));
        return fresh;
    }
}
