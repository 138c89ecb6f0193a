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
    CancellationToken callCancellationToken) : IAsyncEnumerable<ZipchatMessage>
{
    public async IAsyncEnumerator<ZipchatMessage> GetAsyncEnumerator(CancellationToken cancellationToken = default)
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

    private Task<T> Cancellable<T>(Func<Task<T>> work, CancellationToken enumeratorToken) =>
        CallerCancellation.RunAsync(work, callCancellationToken, enumeratorToken);

    private Task<List<ZipchatMessage>> PollOnceAsync(DateTimeOffset cursor, Dictionary<long, DateTimeOffset> seen, CancellationToken token) =>
        NewMessageWalk.CollectAsync(fetchPage, pageSize, cursor, seen.ContainsKey, token);
}
