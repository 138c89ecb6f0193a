using System.Text.Json.Serialization;

namespace ChatApis.AssistLoop.Requests;

// A JSON body the client sends, in the documents' property order.
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
