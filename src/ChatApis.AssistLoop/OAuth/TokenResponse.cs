using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The token endpoint's answer (code exchange and refresh).</summary>
/// <remarks>
/// The tokens must have the right type (without them the answer is useless); the fields around them are
/// read leniently, so an odd <c>expires_in</c> or <c>token_type</c> cannot throw away a rotated pair.
/// </remarks>
internal sealed class TokenResponse : ApiModel
{
    [JsonPropertyName("token_type")]
    [JsonConverter(typeof(LenientTextConverter))]
    public string? TokenType { get; set; }

    [JsonPropertyName("expires_in")]
    [JsonConverter(typeof(LenientSecondsConverter))]
    public double? ExpiresIn { get; set; }

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("scope")]
    [JsonConverter(typeof(LenientTextConverter))]
    public string? Scope { get; set; }

    public override string ToString() => "TokenResponse { *** }";
}
