using System.Collections;
using System.Text;
using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Http;
using ChatApis.Json;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Chatting;
using ChatApis.Testing.Vertext;
using ChatApis.Testing.Zipchat;
using ChatApis.Vertext;
using ChatApis.Zipchat;

namespace ChatApis.Reliability.Tests.Payloads;

/// <summary>
/// For each response model (by endpoint) and each webhook/trigger/block parser: at least 200 mutated
/// documents. Each parses (an unknown property added at the model's root is kept) or ends in its typed
/// error: a ChatApiException for a response, a ChatApiInvalidPayloadException for an inbound payload;
/// any other exception type fails.
/// </summary>
public class MalformedPayloadTests
{
    private const int Mutations = 216;

    private static readonly Dictionary<string, PayloadModel> Models = BuildModels().ToDictionary(m => m.Name);

    public static TheoryData<string> ModelNames => [.. Models.Keys];

    [Theory]
    [MemberData(nameof(ModelNames))]
    public async Task Every_mutated_document_parses_or_is_a_typed_error(string modelName)
    {
        var model = Models[modelName];
        var fixture = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", model.Fixture));
        var failures = new List<string>();
        SimulatorHost? sim = null;
        ChatApiClient? client = null;
        if (model.Surface is { } surface)
        {
            sim = surface.CreateSimulator();
            await sim.StartAsync(TestContext.Current.CancellationToken);
            // Faulted answers never reach the simulator's own limiter; the client's is off so 216 calls need no waiting.
            client = surface.CreateClient(surface.ApiBase(sim), new ClientSettings { MaxRetries = 0, RateLimiting = false });
        }

        try
        {
            for (var i = 0; i < Mutations; i++)
            {
                var bytes = Mutator.Mutate(fixture, modelName.GetHashCode(StringComparison.Ordinal) & 0xFFFF, i, out var addedUnknown);
                object? value;
                Exception? error;
                if (client is not null)
                {
                    sim!.Faults.Clear();
                    sim.Faults.On(model.Method!, model.Path!).Once(Fault.RawBody(200, bytes));
                    (value, error) = await Bounded.RunAsync(() => model.Call!(client, CancellationToken.None));
                }
                else
                {
                    (value, error) = Parse(model, bytes);
                }

                Counts.Add("malformed payloads: documents served or parsed");
                // An inbound payload is not a response: its parsers have their own typed error.
                var typed = model.Parse is null ? error is ChatApiException : error is ChatApiInvalidPayloadException;
                if (error is not null && !typed)
                {
                    failures.Add($"#{i} {Mutator.KindOf(i)}: {error.GetType().Name}: {error.Message}");
                }
                else if (error is null && addedUnknown && model.RootIsModel && RootModel(value) is { } root
                    && root.AdditionalProperties?.ContainsKey(Mutator.UnknownProperty) != true)
                {
                    failures.Add($"#{i} {Mutator.KindOf(i)}: the unknown property was dropped");
                }
            }
        }
        finally
        {
            client?.Dispose();
            if (sim is not null)
            {
                await sim.DisposeAsync();
            }
        }

        Counts.Add("malformed payloads: models");
        Assert.True(failures.Count == 0, $"{modelName}: {failures.Count} of {Mutations} mutations escaped untyped:\n" + string.Join("\n", failures.Take(15)));
    }

    private static (object? Value, Exception? Error) Parse(PayloadModel model, byte[] bytes)
    {
        try
        {
            return (model.Parse!(bytes), null);
        }
        catch (Exception ex)
        {
            SecretSink.Observe(ex);
            return (null, ex);
        }
    }

    private static ApiModel? RootModel(object? value)
    {
        var inner = value is ApiResponse r ? r.GetType().GetProperty("Value")!.GetValue(r) : value;
        return inner switch
        {
            ApiModel m => m,
            ChatApis.Webhooks.WebhookSubscription subscription => subscription.Raw,
            IEnumerable list when list is not string => list.Cast<object?>().FirstOrDefault() as ApiModel,
            _ => null,
        };
    }

    private static Task<object?> Box<T>(Task<ApiResponse<T>> call) => call.ContinueWith<object?>(t => t.GetAwaiter().GetResult(), TaskScheduler.Default);

    // UnsubscribeWebhookAsync answers ApiResponse; RootModel still finds the parsed body of an ApiResponse<T>.
    private static Task<object?> BoxResponse(Task<ApiResponse> call) => call.ContinueWith<object?>(t => t.GetAwaiter().GetResult(), TaskScheduler.Default);

    // A one-response list (AssistLoop's): its first page's response (the list is its value), fetched as the caller enumerates.
    private static async Task<object?> BoxFirstPage<T>(ChatApis.Pagination.AsyncPageable<T> list)
    {
        await foreach (var page in list.AsPages())
        {
            return page.Response;
        }

        return null;
    }

    // A call whose answer has no body the caller needs (e.g. AssistLoop's UnsubscribeWebhookAsync).
    private static Task<object?> BoxNoBody(Task<ApiResponse> call) => call.ContinueWith<object?>(t => t.GetAwaiter().GetResult(), TaskScheduler.Default);

    private static IEnumerable<PayloadModel> BuildModels()
    {
        const string Al = "/api/v1/";
        var conv = AssistLoopSimulator.ConversationUuid;
        var agent = AssistLoopSimulator.AgentUuid;
        static AssistLoopClient A(ChatApiClient c) => (AssistLoopClient)c;
        var zapier = Surfaces.AssistLoopZapier;
        var make = Surfaces.AssistLoopMake;
        yield return new("AssistLoop conversations", "assistloop/zapier/conversations.json", zapier, "GET", $"{Al}automation/agents/{agent}/conversations/list", (c, ct) => BoxFirstPage(A(c).ListConversationsAsync(agent, cancellationToken: ct)));
        yield return new("AssistLoop messages", "assistloop/zapier/messages.json", zapier, "GET", $"{Al}automation/conversations/{conv}/messages/find", (c, ct) => Box(A(c).GetMessagesPageAsync(conv, cancellationToken: ct)));
        yield return new("AssistLoop reply", "assistloop/zapier/reply.json", zapier, "POST", $"{Al}automation/conversations/{conv}/reply", (c, ct) => Box(A(c).ReplyAsync(conv, "hi", cancellationToken: ct)));
        yield return new("AssistLoop close", "assistloop/zapier/close.json", zapier, "POST", $"{Al}automation/conversations/{conv}/close", (c, ct) => Box(A(c).CloseConversationAsync(conv, cancellationToken: ct)));
        yield return new("AssistLoop me", "assistloop/zapier/me.json", zapier, "GET", $"{Al}oauth/me", (c, ct) => Box(A(c).GetMeAsync(cancellationToken: ct)));
        yield return new("AssistLoop subscribe", "assistloop/zapier/subscribe.json", zapier, "POST", $"{Al}webhooks/subscribe",
            (c, ct) => Box(A(c).SubscribeWebhookAsync(AssistLoopSimulator.OrganizationUuid, agent, new Uri("https://hooks.example.com/x"), AssistLoopWebhookEventType.NewConversation, cancellationToken: ct)), RootIsModel: false);
        yield return new("AssistLoop unsubscribe", "assistloop/zapier/unsubscribe.json", zapier, "DELETE", $"{Al}webhooks/unsubscribe/whk_1", (c, ct) => BoxNoBody(A(c).UnsubscribeWebhookAsync("whk_1", cancellationToken: ct)), RootIsModel: false);
        yield return new("AssistLoop recent samples", "assistloop/zapier/recent-sample.json", zapier, "GET", $"{Al}automation/agents/{agent}/conversations/recent-sample", (c, ct) => Box(A(c).GetRecentSamplesAsync(agent, cancellationToken: ct)));
        yield return new("AssistLoop organizations", "assistloop/make/organizations.json", make, "GET", "/v1/my/organizations", (c, ct) => BoxFirstPage(A(c).ListOrganizationsAsync(cancellationToken: ct)));
        yield return new("AssistLoop agents", "assistloop/make/agents.json", make, "GET", $"/v1/organizations/{AssistLoopSimulator.MakeOrganizationUuid}/agents", (c, ct) => BoxFirstPage(A(c).ListAgentsAsync(AssistLoopSimulator.MakeOrganizationUuid, cancellationToken: ct)));
        yield return new("AssistLoopWebhookEvent.Parse (new conversation)", "assistloop/zapier/event-new-conversation.json", Parse: b => AssistLoopWebhookEvent.Parse(b));
        yield return new("AssistLoopWebhookEvent.Parse (handoff)", "assistloop/zapier/event-human-handoff.json", Parse: b => AssistLoopWebhookEvent.Parse(b));

        static ChattingClient C(ChatApiClient c) => (ChattingClient)c;
        var chatting = Surfaces.Chatting;
        yield return new("Chatting me", "chatting/me-response.json", chatting, "GET", "/api/zapier/me", (c, ct) => Box(C(c).GetMeAsync(cancellationToken: ct)));
        yield return new("Chatting subscribe", "chatting/subscribe-response.json", chatting, "POST", "/api/zapier/webhooks/subscribe", (c, ct) => Box(C(c).SubscribeWebhookAsync(ChattingEvent.ConversationCreated, new Uri("https://hooks.example.com/x"), cancellationToken: ct)));
        yield return new("Chatting unsubscribe", "chatting/unsubscribe-response.json", chatting, "DELETE", "/api/zapier/webhooks/wh_1", (c, ct) => BoxResponse(C(c).UnsubscribeWebhookAsync("wh_1", cancellationToken: ct)));
        yield return new("Chatting create contact", "chatting/create-contact-response.json", chatting, "POST", "/api/zapier/contacts", (c, ct) => Box(C(c).CreateContactAsync(new ChattingNewContact("p@example.com"), cancellationToken: ct)));
        yield return new("Chatting add tag", "chatting/add-tag-response.json", chatting, "POST", $"/api/zapier/contacts/{ChattingSimulator.SeededContactId}/tags", (c, ct) => Box(C(c).AddContactTagAsync(ChattingSimulator.SeededContactId, "vip", cancellationToken: ct)));
        yield return new("Chatting send message", "chatting/send-message-response.json", chatting, "POST", $"/api/zapier/conversations/{ChattingSimulator.SeededConversationId}/messages", (c, ct) => Box(C(c).SendMessageAsync(ChattingSimulator.SeededConversationId, "hi", cancellationToken: ct)));
        yield return new("Chatting conversation triggers", "chatting/trigger-list.json", chatting, "GET", "/api/zapier/conversations", (c, ct) => Box(C(c).GetRecentConversationTriggersAsync(cancellationToken: ct)));
        yield return new("Chatting contact triggers", "chatting/trigger-list.json", chatting, "GET", "/api/zapier/contacts", (c, ct) => Box(C(c).GetRecentContactTriggersAsync(cancellationToken: ct)));
        yield return new("ChattingTrigger.Parse (contact created)", "chatting/trigger-contact-created.json", Parse: b => ChattingTrigger.Parse(b));
        yield return new("ChattingTrigger.Parse (tag added)", "chatting/trigger-tag-added.json", Parse: b => ChattingTrigger.Parse(b));
        yield return new("ChattingTrigger.Parse (conversation resolved)", "chatting/trigger-conversation-resolved.json", Parse: b => ChattingTrigger.Parse(b));

        static VertextClient V(ChatApiClient c) => (VertextClient)c;
        var vertext = Surfaces.Vertext;
        yield return new("Vertext chatbots", "vertext/chatbots-list.json", vertext, "GET", "/chatbots/list", (c, ct) => Box(V(c).GetChatbotsPageAsync(cancellationToken: ct)));
        yield return new("Vertext contacts", "vertext/contacts-list.json", vertext, "GET", $"/contacts/{VertextSimulator.ContactsChatbotId}", (c, ct) => Box(V(c).GetContactsPageAsync(VertextSimulator.ContactsChatbotId, cancellationToken: ct)));
        yield return new("Vertext subscription", "vertext/subscription-created.json", vertext, "POST", $"/chatbots/{VertextSimulator.DemoChatbotId}/zapier_subscriptions",
            (c, ct) => Box(V(c).SubscribeWebhookAsync(VertextSimulator.DemoChatbotId, new Uri("https://hooks.example.com/x"), cancellationToken: ct)));

        static ZipchatClient Z(ChatApiClient c) => (ZipchatClient)c;
        var zipchat = Surfaces.Zipchat;
        var zbase = $"/{ZipchatSimulator.ApiPath}chats/{ZipchatSimulator.ChatId}/";
        yield return new("Zipchat conversations", "zipchat/conversations.json", zipchat, "GET", zbase + "conversations", (c, ct) => Box(Z(c).GetConversationsPageAsync(cancellationToken: ct)), RootIsModel: false);
        yield return new("Zipchat conversation", "zipchat/conversation.json", zipchat, "GET", zbase + $"conversations/{ZipchatSimulator.WebConversationId}", (c, ct) => Box(Z(c).GetConversationAsync(ZipchatSimulator.WebConversationId, cancellationToken: ct)), RootIsModel: false);
        yield return new("Zipchat message blocks", "zipchat/message-blocks.json", Parse: b => MessageBlock.Parse(Encoding.UTF8.GetString(b)));
    }
}

/// <summary>A response model by its endpoint (or a parser), and the fixture its mutations start from.</summary>
public sealed record PayloadModel(
    string Name,
    string Fixture,
    Surface? Surface = null,
    string? Method = null,
    string? Path = null,
    Func<ChatApiClient, CancellationToken, Task<object?>>? Call = null,
    bool RootIsModel = true,
    Func<byte[], object?>? Parse = null);
