using ChatApis.Http;

namespace ChatApis.Zipchat;

/// <summary>
/// The stream behind <see cref="ZipchatClient.WatchNewMessagesAsync"/>. Each poll lists the conversations with
/// activity since the cursor (<c>last_message_at_since</c>, every page), reads each one's messages since the cursor
/// (<c>message_created_at_since</c>, every page, through <see cref="NewMessageWalk"/>), and reports the messages not
/// reported yet, oldest first across the chat.
/// </summary>
/// <remarks>
/// <para>
/// The cursor then moves to the newest <c>last_message_at</c> the list showed, not to the newest message read: a
/// conversation that gets its first message after the list was read is not in this poll, and its message is newer
/// than anything the list showed, so the next poll finds it. Messages read at or after the new bound are remembered
/// by id, as the filters include their bound.
/// </para>
/// <para>
/// The list is ordered by activity, so a conversation that gets a message while later pages are read jumps to page
/// 1 and can be skipped. After a list of more than one page, the conversations active since the list's newest
/// activity are listed again: a one-page answer is a consistent snapshot and holds every conversation that moved.
/// If that answer needs more pages too (a very busy chat), the cursor stays where it was for this poll, so the next
/// poll reads the same span again (reported messages are dropped by id).
/// </para>
/// </remarks>
internal sealed class ChatWatcher(
    ZipchatClient client,
    ZipchatWatchCursor start,
    ZipchatWatchOptions options,
    RequestOptions? requestOptions,
    TimeProvider time,
    CancellationToken callCancellationToken) : IAsyncEnumerable<ZipchatNewMessage>
{
    public async IAsyncEnumerator<ZipchatNewMessage> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(callCancellationToken, cancellationToken);
        var token = linked.Token;
        var budget = new WatchBudget(options, time);
        var cursor = start;
        while (true)
        {
            var requestsBefore = budget.Requests;
            var poll = await CallerCancellation.RunAsync(() => PollAsync(cursor, budget, token), callCancellationToken, cancellationToken).ConfigureAwait(false);
            foreach (var found in poll.Found)
            {
                yield return found;
            }

            cursor = poll.Next;
            var wait = budget.DelayBeforeNextPoll(budget.Requests - requestsBefore);
            await CallerCancellation.RunAsync(() => DelayAsync(wait, token), callCancellationToken, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> DelayAsync(TimeSpan wait, CancellationToken token)
    {
        await Task.Delay(wait, time, token).ConfigureAwait(false);
        return true;
    }

    private async Task<Poll> PollAsync(ZipchatWatchCursor cursor, WatchBudget budget, CancellationToken token)
    {
        var floor = cursor.Since;
        var readFrom = floor - options.Overlap;
        var listing = await ListAsync(readFrom, budget, token).ConfigureAwait(false);
        var bound = Later(floor, listing.NewestActivity);
        if (listing.Pages > 1)
        {
            var again = await ListAsync(bound, budget, token).ConfigureAwait(false);
            listing.Merge(again);
            if (again.Pages > 1)
            {
                bound = floor;
            }
        }

        var found = new List<(ZipchatConversation Conversation, ZipchatMessage Message)>();
        var ids = new HashSet<long>();
        foreach (var conversation in listing.Conversations)
        {
            List<ZipchatMessage> messages;
            try
            {
                messages = await NewMessageWalk.CollectAsync(
                    (page, since, ct) => budget.SendAsync(c => client.GetConversationAsync(conversation.Id, page, options.MessagePageSize, since, requestOptions, c), ct),
                    options.MessagePageSize,
                    readFrom,
                    cursor.HasReported,
                    token).ConfigureAwait(false);
            }
            catch (ChatApiNotFoundException)
            {
                // Deleted between the list and this read: nothing left to report.
                continue;
            }

            found.AddRange(messages.Where(m => ids.Add(m.Id)).Select(m => (conversation, m)));
        }

        found.Sort(static (a, b) => NewMessageWalk.OldestFirst(a.Message, b.Message));
        var reported = new List<ZipchatNewMessage>(found.Count);
        var position = cursor;
        foreach (var (conversation, message) in found)
        {
            // Everything older than this message is reported now, except what a conversation missing from the
            // list may hold, which is no older than the list's newest activity: the bound is the earlier of both.
            var since = message.CreatedAt < bound ? message.CreatedAt : bound;
            position = position.With(message, since, options.Overlap);
            reported.Add(new ZipchatNewMessage(conversation, message, position));
        }

        return new Poll(reported, position.AdvancedTo(bound, options.Overlap));
    }

    private async Task<Listing> ListAsync(DateTimeOffset since, WatchBudget budget, CancellationToken token)
    {
        var listing = new Listing();
        for (var page = 1; ; page++)
        {
            var number = page;
            var response = await budget.SendAsync(c => client.GetConversationsPageAsync(number, options.ConversationPageSize, since, requestOptions, c), token).ConfigureAwait(false);
            listing.Pages++;
            var conversations = response.Value.Conversations;
            foreach (var conversation in conversations)
            {
                listing.Add(conversation);
            }

            if (conversations.Count < options.ConversationPageSize)
            {
                return listing;
            }
        }
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset? b) => b is { } value && value > a ? value : a;

    private sealed record Poll(IReadOnlyList<ZipchatNewMessage> Found, ZipchatWatchCursor Next);

    // The conversations of one list walk, each once (a conversation can show on two pages while the order shifts).
    private sealed class Listing
    {
        private readonly Dictionary<long, int> _index = [];

        public List<ZipchatConversation> Conversations { get; } = [];

        public DateTimeOffset? NewestActivity { get; private set; }

        public int Pages { get; set; }

        public void Add(ZipchatConversation conversation)
        {
            if (_index.TryGetValue(conversation.Id, out var at))
            {
                Conversations[at] = conversation;
            }
            else
            {
                _index[conversation.Id] = Conversations.Count;
                Conversations.Add(conversation);
            }

            if (conversation.LastMessageAt is { } last && (NewestActivity is null || last > NewestActivity))
            {
                NewestActivity = last;
            }
        }

        public void Merge(Listing later)
        {
            foreach (var conversation in later.Conversations)
            {
                Add(conversation);
            }
        }
    }
}
