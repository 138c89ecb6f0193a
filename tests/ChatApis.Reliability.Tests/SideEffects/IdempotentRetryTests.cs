using ChatApis.Chatting;
using ChatApis.Http;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.Chatting;

namespace ChatApis.Reliability.Tests.SideEffects;

/// <summary>
/// The server acts, then the response is lost. Chatting's create-style calls carry one idempotency key
/// across their retries, so 1,000 such calls leave exactly 1,000 effects: never a duplicate.
/// </summary>
public class IdempotentRetryTests : IAsyncLifetime
{
    private const int Calls = 1000;
    private const string Group = "no duplicates: Chatting dropped-response calls";
    private readonly ManualTimeProvider _clock = new() { AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
    private ChattingSimulator _sim = null!;
    private ChattingClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _sim = (ChattingSimulator)Surfaces.Chatting.CreateSimulator();
        await _sim.StartAsync(TestContext.Current.CancellationToken);
        _client = (ChattingClient)Surfaces.Chatting.CreateClient(Surfaces.Chatting.ApiBase(_sim), new ClientSettings { Time = _clock, MaxRetries = 3 });
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _sim.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_thousand_calls_whose_first_response_is_dropped_each_have_exactly_one_effect()
    {
        var ct = TestContext.Current.CancellationToken;
        var contactsBefore = _sim.Contacts.Count;
        var messagesBefore = _sim.Messages.Count;
        var tagsBefore = _sim.Contacts.Single(c => c.Id == ChattingSimulator.SeededContactId).Tags.Count;
        Counts.Started(Group, Calls);

        for (var i = 0; i < Calls; i++)
        {
            // Every other call brings its own key; the rest let the SDK make one. Either way the same
            // key must go out on the retry.
            var key = i % 2 == 0 ? $"reliability-{i}" : null;
            _sim.Faults.Clear();
            switch (i % 3)
            {
                case 0:
                    _sim.Faults.On("POST", "/api/zapier/contacts").Once(Fault.DropResponseAfterProcessing());
                    var contact = await _client.CreateContactAsync(new ChattingNewContact($"idem{i}@example.com"), new RequestOptions { IdempotencyKey = key }, ct).WaitAsync(Bounded.Limit, ct);
                    Assert.Equal(2, contact.Attempts);
                    Assert.Equal($"idem{i}@example.com", contact.Value.Email);
                    break;
                case 1:
                    _sim.Faults.On("POST", $"/api/zapier/contacts/{ChattingSimulator.SeededContactId}/tags").Once(Fault.DropResponseAfterProcessing());
                    var tag = await _client.AddContactTagAsync(ChattingSimulator.SeededContactId, $"tag-{i}", new RequestOptions { IdempotencyKey = key }, ct).WaitAsync(Bounded.Limit, ct);
                    Assert.Equal(2, tag.Attempts);
                    break;
                default:
                    _sim.Faults.On("POST", $"/api/zapier/conversations/{ChattingSimulator.SeededConversationId}/messages").Once(Fault.DropResponseAfterProcessing());
                    var message = await _client.SendMessageAsync(ChattingSimulator.SeededConversationId, $"message {i}", options: new RequestOptions { IdempotencyKey = key }, cancellationToken: ct).WaitAsync(Bounded.Limit, ct);
                    Assert.Equal(2, message.Attempts);
                    break;
            }

        }

        // Counted on the server, not by the loop: every call left exactly one effect of its kind (a lost
        // effect or a duplicate changes these), and every call's retry was answered from the stored response.
        const int contacts = (Calls + 2) / 3, tags = (Calls + 1) / 3, messages = Calls / 3;
        Assert.Equal(contactsBefore + contacts, _sim.Contacts.Count);
        Assert.Equal(messagesBefore + messages, _sim.Messages.Count);
        Assert.Equal(tagsBefore + tags, _sim.Contacts.Single(c => c.Id == ChattingSimulator.SeededContactId).Tags.Count);
        Assert.Equal(Calls, _sim.IdempotentReplays);

        // Each retry repeated its first attempt's key, and no two calls shared one.
        var keys = _sim.Journal.Requests.Where(r => r.Method == "POST").Select(r => r.Headers["Idempotency-Key"].ToString()).ToList();
        Assert.Equal(2 * Calls, keys.Count);
        Assert.Equal(Calls, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.All(keys.Chunk(2), pair => Assert.Equal(pair[0], pair[1]));
        Counts.Add(Group, Calls);
    }
}
