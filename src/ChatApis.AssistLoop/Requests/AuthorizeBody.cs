using System.Text.Json.Serialization;

namespace ChatApis.AssistLoop.Requests;

// A JSON body the client sends, in the documents' property order.
internal sealed record AuthorizeBody(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("redirect_uri")] string RedirectUri,
    [property: JsonPropertyName("scope"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Scope,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("approved")] bool Approved);
