using System.Text.Json.Serialization;

namespace ChatApis.AssistLoop;

// The JSON bodies the client sends, in the documents' property order.

internal sealed record ReplyBody([property: JsonPropertyName("content")] string Content);

internal sealed record CloseBody([property: JsonPropertyName("platform")] string Platform);

internal sealed record SubscribeBody(
    [property: JsonPropertyName("organization_uuid")] string OrganizationUuid,
    [property: JsonPropertyName("agent_uuid")] string AgentUuid,
    [property: JsonPropertyName("target_url")] string TargetUrl,
    [property: JsonPropertyName("event")] string Event,
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("external_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ExternalId);

internal sealed record AuthorizeBody(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("redirect_uri")] string RedirectUri,
    [property: JsonPropertyName("scope"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Scope,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("approved")] bool Approved);

internal sealed record CodeGrantBody(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("redirect_uri")] string RedirectUri,
    [property: JsonPropertyName("code")] string Code)
{
    // Records print their members: never show the secret or the code.
    public override string ToString() => "CodeGrantBody { *** }";
}

internal sealed record RefreshGrantBody(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("scope"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Scope)
{
    public override string ToString() => "RefreshGrantBody { *** }";
}
