using ChatApis.AssistLoop;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Samples.TrimSmoke;

/// <summary>AssistLoop (Zapier surface): an agent's conversations, every field against the raw response.</summary>
internal static class AssistLoopCheck
{
    // The simulator's seeded agent and its one conversation (the documents' example).
    private const string AgentUuid = "agt_abc123";
    private const string ConversationUuid = "550e8400-e29b-41d4-a716-446655440000";

    public static async Task<SmokeReport> RunAsync(AssistLoopClient client, IConfiguration section, HttpClient http, CancellationToken cancellationToken)
    {
        var report = new SmokeReport("AssistLoop");
        var conversations = await client.ListConversationsAsync(AgentUuid, cancellationToken: cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var raw = await RawJson.GetAsync(
            http, new Uri(client.BaseAddress, $"automation/agents/{AgentUuid}/conversations/list"), "Authorization", $"Bearer {section["AccessToken"]}", cancellationToken).ConfigureAwait(false);

        report.Expect(conversations.Any(c => c.Uuid == ConversationUuid && c.ChatUser?.Name == "Jane Smith"), $"conversation {ConversationUuid} of Jane Smith");
        JsonFieldCheck.Items("conversations", raw, conversations, report, static (check, conversation) => check
            .String("id", conversation.Id)
            .String("uuid", conversation.Uuid)
            .String("session_id", conversation.SessionId)
            .String("response_mode", conversation.ResponseMode.Value)
            .Boolean("status", conversation.IsOpen)
            .Boolean("last_message_seen", conversation.LastMessageSeen)
            .Iso8601("deleted_at", conversation.DeletedAt)
            .Object("chat_user", conversation.ChatUser, static (user, u) => user
                .String("name", u.Name)
                .String("email", u.Email)
                .String("country_code", u.CountryCode)
                .String("chat_user_id", u.ChatUserId)));

        report.Summary = $"ListConversationsAsync({AgentUuid}): {conversations.Count} conversation(s)";
        return report;
    }
}

/// <summary>AssistLoop's place in the smoke run.</summary>
internal sealed class AssistLoopSmoke : SmokeCheck
{
    public override string Vendor => "AssistLoop";

    public override IReadOnlyDictionary<string, string> SeededSettings { get; } = new Dictionary<string, string> { ["AccessToken"] = "al_sim_access_token" };

    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Join() => Register(new AssistLoopSmoke());

    public override void AddClient(IServiceCollection services, IConfiguration section) => services.AddAssistLoopClient(section);

    public override Task<SmokeReport> RunAsync(IServiceProvider services, IConfiguration section, HttpClient http, CancellationToken cancellationToken) =>
        AssistLoopCheck.RunAsync(services.GetRequiredService<AssistLoopClient>(), section, http, cancellationToken);
}
