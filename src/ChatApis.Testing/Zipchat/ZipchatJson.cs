using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatApis.Testing.Zipchat;

// Writes the shapes the notes describe. List items carry the lead's summary fields; Get Conversation
// adds the expanded ones and the messages. Users' "name" and "email" are the simulator's choice (the
// documents only name id and avatar_url).
internal static class ZipchatJson
{
    public static JsonObject Conversation(SimConversation c, bool expanded)
    {
        var json = new JsonObject
        {
            ["id"] = c.Id,
            ["chat_id"] = c.ChatId,
            ["created_at"] = Time(c.CreatedAt),
            ["last_message_at"] = Time(c.LastMessageAt),
            ["channel"] = c.Channel,
            ["manual_reply_mode"] = c.ManualReplyMode,
            ["last_escalated_at"] = c.LastEscalatedAt is { } e ? Time(e) : null,
            ["last_escalation_resolved_at"] = c.LastEscalationResolvedAt is { } r ? Time(r) : null,
            ["assignee"] = c.Assignee is { } a ? User(a) : null,
            ["share_url"] = $"https://app.zipchat.ai/chats/{c.ChatId}/conversations/{c.Id}",
            ["lead"] = c.Lead is { } lead ? Lead(lead, expanded) : null,
        };
        return json;
    }

    public static JsonObject Lead(SimLead lead, bool expanded)
    {
        var json = new JsonObject
        {
            ["id"] = lead.Id,
            ["full_name"] = lead.FullName,
            ["email"] = lead.Email,
            ["phone_number"] = lead.PhoneNumber,
            ["email_marketing_consent"] = lead.EmailMarketingConsent,
        };
        if (expanded)
        {
            json["first_name"] = lead.FirstName;
            json["last_name"] = lead.LastName;
            json["shopify_customer_id"] = lead.ShopifyCustomerId;
            json["additional_attributes"] = JsonNode.Parse(lead.AdditionalAttributesJson);
        }

        return json;
    }

    public static JsonObject User(SimUser user) => new()
    {
        ["id"] = user.Id,
        ["name"] = user.Name,
        ["email"] = user.Email,
        ["avatar_url"] = user.AvatarUrl,
    };

    public static JsonObject Message(SimMessage m)
    {
        var json = new JsonObject
        {
            ["id"] = m.Id,
            ["role"] = m.Role,
            ["message"] = m.Text,
            ["manual_reply"] = m.ManualReply,
        };

        // "status" is optional in what was seen live: only sent when there is one.
        if (m.Status is not null)
        {
            json["status"] = m.Status;
        }

        json["sender_id"] = m.SenderId;
        json["created_at"] = Time(m.CreatedAt);
        return json;
    }

    public static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);

    public static string Error(string text) => new JsonObject { ["error"] = text }.ToJsonString();

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
