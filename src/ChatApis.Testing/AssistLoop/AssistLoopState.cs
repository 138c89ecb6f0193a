using System.Text.Json.Nodes;

namespace ChatApis.Testing.AssistLoop;

// The simulator's mutable world. Everything is guarded by the simulator's single lock.

internal sealed class SimAgent(string uuid, string name, string organizationUuid, string organizationName)
{
    public string Uuid { get; } = uuid;

    public string Name { get; } = name;

    public string OrganizationUuid { get; } = organizationUuid;

    public string OrganizationName { get; } = organizationName;

    // Webhook-shaped payloads of this agent's events, oldest first (recent-sample serves them newest first).
    public List<(string Type, string Json)> Samples { get; } = [];
}

internal sealed class SimConversation(string uuid, SimAgent agent, DateTimeOffset createdAt, string json)
{
    public string Uuid { get; } = uuid;

    public SimAgent Agent { get; } = agent;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string? ClosedVia { get; set; }

    // The list item as served: verbatim for seeds until something changes it.
    public string Json { get; private set; } = json;

    public List<SimMessage> Messages { get; } = [];

    public bool IsOpen => JsonNode.Parse(Json)!["status"]!.GetValue<bool>();

    public string ResponseMode => JsonNode.Parse(Json)!["response_mode"]!.GetValue<string>();

    public JsonNode? ChatUser => JsonNode.Parse(Json)!["chat_user"];

    public void Update(Action<JsonObject> change)
    {
        var node = JsonNode.Parse(Json)!.AsObject();
        change(node);
        Json = node.ToJsonString();
    }
}

internal sealed record SimMessage(string Id, DateTimeOffset CreatedAt, long Sequence, string Json);

internal sealed record SimGrant(string Family, string Scope, DateTimeOffset ExpiresAt, string RefreshToken);

// A refresh token outlives a revoked access token: it carries the grant itself.
internal sealed record SimRefresh(string AccessToken, string Family, string Scope);

internal sealed record SimCode(string RedirectUri, string Scope, DateTimeOffset ExpiresAt);
