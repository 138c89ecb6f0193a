using System.Text.Json;
using System.Text.Json.Serialization;
using ChatApis.Auth.OAuth;

namespace ChatApis.Redis;

/// <summary>The token pair as it is stored in Redis (JSON, optionally protected).</summary>
internal sealed class StoredTokens
{
    [JsonPropertyName("access_token")]
    public string AccessToken { get; set; } = "";

    [JsonPropertyName("refresh_token")]
    public string? RefreshToken { get; set; }

    [JsonPropertyName("expires_at_ms")]
    public long? ExpiresAtUnixMilliseconds { get; set; }

    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    public static string Serialize(OAuthTokens tokens) => JsonSerializer.Serialize(
        new StoredTokens
        {
            AccessToken = tokens.AccessToken,
            RefreshToken = tokens.RefreshToken,
            ExpiresAtUnixMilliseconds = tokens.ExpiresAt?.ToUnixTimeMilliseconds(),
            Scope = tokens.Scope,
            TokenType = tokens.TokenType,
        },
        RedisJsonContext.Default.StoredTokens);

    public static OAuthTokens Deserialize(string json)
    {
        var stored = JsonSerializer.Deserialize(json, RedisJsonContext.Default.StoredTokens)
            ?? throw new JsonException("The stored token pair is JSON null.");
        if (string.IsNullOrEmpty(stored.AccessToken))
        {
            throw new JsonException("The stored token pair has no access token.");
        }

        return new OAuthTokens(
            stored.AccessToken,
            stored.RefreshToken,
            stored.ExpiresAtUnixMilliseconds is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            stored.Scope)
        {
            TokenType = stored.TokenType,
        };
    }
}

[JsonSerializable(typeof(StoredTokens))]
internal sealed partial class RedisJsonContext : JsonSerializerContext;
