using System.Text.Json.Serialization;

namespace ChatApis.Chatting;

/// <summary>A contact to create (the body of <c>POST /contacts</c>); only <see cref="Email"/> is required.</summary>
public sealed class ChattingNewContact
{
    /// <summary>Creates the contact with its required email.</summary>
    /// <param name="email">The contact's email address; the contact id is stable for the same email.</param>
    public ChattingNewContact(string email)
    {
        Email = email;
    }

    /// <summary>The contact's email address (required; one plain address such as <c>lead@example.com</c>).</summary>
    [JsonPropertyName("email")]
    public string Email { get; set; }

    /// <summary>The contact's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The contact's phone number.</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; set; }

    /// <summary>The contact's company.</summary>
    [JsonPropertyName("company")]
    public string? Company { get; set; }

    /// <summary>The contact's status, e.g. <c>lead</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>Tags to add to the contact (each non-empty).</summary>
    [JsonPropertyName("tags")]
    public IList<string>? Tags { get; set; }

    /// <summary>Custom fields by key (Chatting stores every value as a string).</summary>
    [JsonPropertyName("customFields")]
    public IDictionary<string, string>? CustomFields { get; set; }
}
