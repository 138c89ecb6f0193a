using ChatApis.Http;

namespace ChatApis.Zipchat;

/// <summary>
/// One walk over a conversation's message pages created since a cursor, shared by the one-conversation
/// poller and the chat-wide watcher: the messages not seen yet, oldest first. The server's filter is taken as
/// inclusive, so messages at the cursor come back and are dropped by id; a message older than the cursor (a
/// server ignoring the filter) is dropped too. A page shorter than the page size ends the walk, as the message
/// pagination metadata is not documented.
/// </summary>
internal static class NewMessageWalk
{
    public static async Task<List<ZipchatMessage>> CollectAsync(
        Func<int, DateTimeOffset, CancellationToken, Task<ApiResponse<ConversationDetails>>> fetchPage,
        int pageSize,
        DateTimeOffset since,
        Func<long, bool> seen,
        CancellationToken cancellationToken)
    {
        var fresh = new List<ZipchatMessage>();
        var ids = new HashSet<long>();
        for (var page = 1; ; page++)
        {
            var response = await fetchPage(page, since, cancellationToken).ConfigureAwait(false);
            var messages = response.Value.Messages;
            foreach (var message in messages)
            {
                if (message.CreatedAt >= since && !seen(message.Id) && ids.Add(message.Id))
                {
                    fresh.Add(message);
                }
            }

            if (messages.Count < pageSize)
            {
                break;
            }
        }

        fresh.Sort(OldestFirst);
        return fresh;
    }

    /// <summary>Creation time, then id: the order new messages are reported in.</summary>
    /// <param name="a">One message.</param>
    /// <param name="b">The other.</param>
    /// <returns>The comparison.</returns>
    public static int OldestFirst(ZipchatMessage a, ZipchatMessage b) =>
        a.CreatedAt != b.CreatedAt ? a.CreatedAt.CompareTo(b.CreatedAt) : a.Id.CompareTo(b.Id);
}
