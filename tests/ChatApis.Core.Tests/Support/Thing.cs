using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Core.Tests.Support;

public sealed class Thing : ApiModel
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("count")]
    public int Count { get; set; }

    [JsonPropertyName("active")]
    public bool Active { get; set; }
}

public sealed class TimelineItem
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("created_at")]
    [JsonConverter(typeof(Iso8601Converter))]
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class NewThing
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}

public sealed class TokenResponse
{
    [JsonPropertyName("access_token")]
    public string AccessToken { get; set; } = "";

    [JsonPropertyName("refresh_token")]
    public string RefreshToken { get; set; } = "";

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; set; }
}

public sealed class RefreshRequest
{
    [JsonPropertyName("grant_type")]
    public string GrantType { get; set; } = "refresh_token";

    [JsonPropertyName("refresh_token")]
    public string RefreshToken { get; set; } = "";
}

[JsonSourceGenerationOptions(Converters = [typeof(TolerantBooleanConverter), typeof(TolerantInt32Converter), typeof(TolerantInt64Converter), typeof(TolerantDoubleConverter)])]
[JsonSerializable(typeof(Thing))]
[JsonSerializable(typeof(IReadOnlyList<Thing>))]
[JsonSerializable(typeof(IReadOnlyList<TimelineItem>))]
[JsonSerializable(typeof(NewThing))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(RefreshRequest))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}
