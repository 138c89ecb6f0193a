using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Vertext;

/// <summary>
/// A contact of a chatbot. Contacts come either from a Meta app (Facebook, Instagram...: then
/// <see cref="MetaPsid"/> is set) or from the embedded widget (then <see cref="WidgetConversationId"/> is set);
/// those two are the only fields that may be null.
/// </summary>
public sealed class VertextContact : ApiModel
{
    /// <summary>The contact's id (a UUID).</summary>
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    /// <summary>The contact's name (may be empty).</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>The contact's email (may be empty).</summary>
    [JsonPropertyName("email")]
    public string Email { get; set; } = "";

    /// <summary>The contact's phone (may be empty).</summary>
    [JsonPropertyName("phone")]
    public string Phone { get; set; } = "";

    /// <summary>Notes about the contact.</summary>
    [JsonPropertyName("notes")]
    public string Notes { get; set; } = "";

    /// <summary>Where the contact came from, e.g. <see cref="VertextContactSource.Widget"/>.</summary>
    [JsonPropertyName("source")]
    public VertextContactSource Source { get; set; }

    /// <summary>The Meta page-scoped id, for contacts from a Meta app; otherwise null.</summary>
    [JsonPropertyName("meta_psid")]
    public string? MetaPsid { get; set; }

    /// <summary>The widget conversation id, for contacts from the widget; otherwise null.</summary>
    [JsonPropertyName("widget_conversation_id")]
    public string? WidgetConversationId { get; set; }

    /// <summary>Whether the chatbot answers this contact automatically.</summary>
    [JsonPropertyName("is_automation_enabled")]
    public bool IsAutomationEnabled { get; set; }

    /// <summary>The first interaction (Unix seconds on the wire).</summary>
    [JsonPropertyName("first_interaction")]
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset FirstInteraction { get; set; }

    /// <summary>The latest interaction (Unix seconds on the wire).</summary>
    [JsonPropertyName("last_interaction")]
    [JsonConverter(typeof(UnixSecondsConverter))]
    public DateTimeOffset LastInteraction { get; set; }

    /// <summary>The chatbot the contact belongs to.</summary>
    [JsonPropertyName("chatbot_id")]
    public string ChatbotId { get; set; } = "";

    /// <summary>Whether the contact has unread messages.</summary>
    [JsonPropertyName("is_unread")]
    public bool IsUnread { get; set; }

    /// <summary>The contact's lifecycle stage, e.g. <see cref="VertextContactLifecycle.Lead"/>.</summary>
    [JsonPropertyName("lifecycle")]
    public VertextContactLifecycle Lifecycle { get; set; }

    /// <summary>Whether the contact came from a Meta app (it has a <see cref="MetaPsid"/>).</summary>
    [JsonIgnore]
    public bool IsFromMeta => MetaPsid is not null;

    /// <summary>Whether the contact came from the embedded widget (it has a <see cref="WidgetConversationId"/>).</summary>
    [JsonIgnore]
    public bool IsFromWidget => WidgetConversationId is not null;
}
