using ChatApis.Benchmarks.Payloads;

namespace ChatApis.Benchmarks.Vendors.AssistLoop;

/// <summary>
/// AssistLoop (Zapier API, base <c>/api/v1</c>): List Conversations (a bare array), Reply to Conversation
/// (JSON body) and Get Current User. The list has no documented page parameter, so no walk.
/// </summary>
public sealed class AssistLoopScenario : VendorScenario
{
    /// <summary>The documents' example agent.</summary>
    public const string AgentUuid = "agt_abc123";

    /// <summary>The documents' example conversation.</summary>
    public const string ConversationUuid = "550e8400-e29b-41d4-a716-446655440000";

    /// <summary>The documents' example reply.</summary>
    public const string ReplyText = "Thank you for contacting us. A support agent will be with you shortly.";

    /// <inheritdoc />
    public override string Name => "AssistLoop";

    /// <inheritdoc />
    public override VendorCalls Calls => VendorCalls.List | VendorCalls.Simple | VendorCalls.Post;

    /// <inheritdoc />
    public override void Map(PayloadRouter router)
    {
        router.Map("GET", Prefix + $"automation/agents/{AgentUuid}/conversations/list", JsonPayload.Array(PageSize, WriteConversation));
        router.Map("POST", Prefix + $"automation/conversations/{ConversationUuid}/reply", JsonPayload.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("status", "sent");
            w.WriteString("message_id", "msg_xyz789");
            w.WriteEndObject();
        }));
        router.Map("GET", Prefix + "oauth/me", JsonPayload.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("uuid", "usr_abc123");
            w.WriteString("name", "John Doe");
            w.WriteString("email", "john@example.com");
            w.WriteEndObject();
        }));
    }

    /// <inheritdoc />
    public override bool Supports(ClientKind kind) => kind is ClientKind.Baseline or ClientKind.RestEase or ClientKind.Flurl or ClientKind.Sdk or ClientKind.Refit or ClientKind.Best;

    /// <inheritdoc />
    public override IVendorClient Create(ClientKind kind, Uri root, HttpMessageHandler? stub) => kind switch
    {
        ClientKind.Baseline => new AssistLoopBaselineClient(BenchHttp.Create(BaseOf(root), stub)),
        ClientKind.RestEase => new AssistLoopRestEaseClient(BenchHttp.Create(BaseOf(root), stub)),
        ClientKind.Flurl => new AssistLoopFlurlClient(BenchHttp.Create(BaseOf(root), stub)),
        ClientKind.Refit => new AssistLoopRefitClient(BenchHttp.Create(BaseOf(root), stub)),
        ClientKind.Best => new AssistLoopBestClient(BenchHttp.Create(BaseOf(root), stub)),
        ClientKind.Sdk => new AssistLoopSdkClient(BaseOf(root), stub),
        _ => throw new NotSupportedException($"The AssistLoop {kind} client is not measured."),
    };

    // Shaped like the documents' List Conversations item; ids, sessions and customers vary per item.
    private static void WriteConversation(System.Text.Json.Utf8JsonWriter w, int i)
    {
        var uuid = JsonPayload.Uuid(0x550e8400, i);
        w.WriteStartObject();
        w.WriteString("id", uuid);
        w.WriteString("uuid", uuid);
        w.WriteString("session_id", $"sess_{i:x6}");
        w.WriteString("response_mode", i % 3 == 0 ? "human" : "ai");
        w.WriteBoolean("status", i % 5 != 0);
        w.WriteBoolean("last_message_seen", i % 2 == 0);
        w.WriteNull("deleted_at");
        w.WriteStartObject("chat_user");
        w.WriteString("name", $"Jane Smith {i}");
        w.WriteString("email", $"jane.smith{i}@example.com");
        w.WriteString("country_code", "US");
        w.WriteString("chat_user_id", $"chu_{i:x6}");
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
