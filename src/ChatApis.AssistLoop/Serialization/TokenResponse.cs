using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The token endpoint's answer (code exchange and refresh).</summary>
internal sealed class TokenResponse : ApiModel
{
    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }

    [JsonPropertyName("access_token")]
    public string AccessToken { get; set; } = "";

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    public override string ToString() => "TokenResponse { *** }";
}
