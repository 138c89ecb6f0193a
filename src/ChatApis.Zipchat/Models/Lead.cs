using System.Text.Json;
using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Zipchat;

/// <summary>
/// The customer behind a conversation. The list endpoint sends the summary fields; Get Conversation adds
/// <see cref="FirstName"/>, <see cref="LastName"/>, <see cref="ShopifyCustomerId"/> and
/// <see cref="AdditionalAttributes"/>, which are <c>null</c> on list results.
/// </summary>
public sealed class Lead : ApiModel
{
    /// <summary>The lead's id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; set; }

    /// <summary>The full name, e.g. "John Doe".</summary>
    [JsonPropertyName("full_name")]
    public string? FullName { get; set; }

    /// <summary>The email address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }

    /// <summary>The phone number, e.g. "+1234567890".</summary>
    [JsonPropertyName("phone_number")]
    public string? PhoneNumber { get; set; }

    /// <summary>Whether the lead consented to email marketing (<c>null</c> when not sent).</summary>
    [JsonPropertyName("email_marketing_consent")]
    public bool? EmailMarketingConsent { get; set; }

    /// <summary>The first name (Get Conversation only).</summary>
    [JsonPropertyName("first_name")]
    public string? FirstName { get; set; }

    /// <summary>The last name (Get Conversation only).</summary>
    [JsonPropertyName("last_name")]
    public string? LastName { get; set; }

    /// <summary>
    /// The Shopify customer id (Get Conversation only). Its JSON type is not documented, so a number and
    /// a string are both read, as text.
    /// </summary>
    [JsonPropertyName("shopify_customer_id")]
    [JsonConverter(typeof(StringOrNumberConverter))]
    public string? ShopifyCustomerId { get; set; }

    /// <summary>Custom attributes collected for the lead (Get Conversation only), as the JSON the API sent (usually an object).</summary>
    [JsonPropertyName("additional_attributes")]
    public JsonElement? AdditionalAttributes { get; set; }
}
