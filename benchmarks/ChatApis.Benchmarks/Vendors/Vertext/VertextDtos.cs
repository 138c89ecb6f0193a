using System.Text.Json.Serialization;
using NJ = Newtonsoft.Json;

namespace ChatApis.Benchmarks.Vendors.Vertext;

/// <summary>A Vertext chatbot as a user of a raw HttpClient (or of RestEase/Flurl) would declare it.</summary>
public sealed class VertextChatbotDto
{
    [JsonPropertyName("id"), NJ.JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("name"), NJ.JsonProperty("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("description"), NJ.JsonProperty("description")]
    public string Description { get; set; } = "";

    [JsonPropertyName("prompt"), NJ.JsonProperty("prompt")]
    public string Prompt { get; set; } = "";

    [JsonPropertyName("temperature"), NJ.JsonProperty("temperature")]
    public double Temperature { get; set; }

    [JsonPropertyName("created_at"), NJ.JsonProperty("created_at")]
    public long CreatedAt { get; set; }

    [JsonPropertyName("user_id"), NJ.JsonProperty("user_id")]
    public string UserId { get; set; } = "";

    [JsonPropertyName("status"), NJ.JsonProperty("status")]
    public string Status { get; set; } = "";
}

/// <summary>The answer to creating a Zapier subscription.</summary>
public sealed class VertextSubscriptionDto
{
    [JsonPropertyName("id"), NJ.JsonProperty("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("chatbot_id"), NJ.JsonProperty("chatbot_id")]
    public string ChatbotId { get; set; } = "";

    [JsonPropertyName("target_url"), NJ.JsonProperty("target_url")]
    public string TargetUrl { get; set; } = "";
}
