using System.Text.Json.Serialization;

namespace ChatApis.AssistLoop.Requests;

// A JSON body the client sends, in the documents' property order.
internal sealed record RefreshGrantBody(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("refresh_token")] string RefreshToken,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("scope"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Scope)
{
    public override string ToString() => "RefreshGrantBody { *** }";
}
