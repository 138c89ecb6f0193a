using System.Globalization;

namespace ChatApis.Testing.Vertext;

// The seeded data. The first chatbots and contacts are the documents' own examples, verbatim except the email
// (see ModelContact).
internal static class VertextSeed
{
    public const string DemoChatbot = """
        {
            "id": "7a81c98d-12c3-4edf-41ac-df1e6762d677",
            "name": "Demo",
            "description": "Chatbot used for internal testing.",
            "prompt": "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
            "temperature": 0.7,
            "created_at": 1751661250,
            "user_id": "dae7cf95-1376-476a-b249-01b1cb2d3345",
            "status": "Active"
          }
        """;

    public const string SupportChatbot = """
        {
            "id": "2b9e1f4a-8c21-4e3b-bc7a-5f2e8a1d1234",
            "name": "SupportBot",
            "description": "Chatbot for customer support.",
            "prompt": "How can I assist you with your support needs today?",
            "temperature": 0.5,
            "created_at": 1751661350,
            "user_id": "dae7cf95-1376-476a-b249-01b1cb2d3345",
            "status": "Active"
          }
        """;

    public const string ContactsChatbot = """
        {"id":"7a81c98d-12c9-4edf-a1ac-df136762d677","name":"Storefront","description":"Chatbot on the web shop and Messenger.","prompt":"Help shoppers find products.","temperature":0.2,"created_at":1751661450,"user_id":"dae7cf95-1376-476a-b249-01b1cb2d3345","status":"Active"}
        """;

    // The contact model example of the documents (a widget contact). Its email, "john.doe@example.com", replaces
    // the documents' "[email\u00A0protected]" (web-page obfuscation, with a no-break space), which CreateContactAsync of any
    // CRM client rightly refuses: a plausible address keeps a webhook-to-CRM flow on the simulators working.
    public const string ModelContact = """
        {
          "id": "8f2c1a50-3c70-4e25-a903-da8995d244a3",
          "name": "John Doe",
          "email": "john.doe@example.com",
          "phone": "555-1234",
          "notes": "",
          "source": "Widget",
          "meta_psid": null,
          "widget_conversation_id": "d39c8220-69ec-438b-8633-b9c827e976ca",
          "is_automation_enabled": true,
          "first_interaction": 1755605814,
          "last_interaction": 1755605815,
          "chatbot_id": "7a81c98d-12c9-4edf-a1ac-df136762d677",
          "is_unread": true,
          "lifecycle": "Lead"
        }
        """;

    // The list-contacts example of the documents (an anonymous widget contact).
    public const string ListContact = """
        {
            "id": "8fb610b3-a7d1-4407-9940-98bab3ffa8cc",
            "name": "",
            "email": "",
            "phone": "",
            "notes": "",
            "source": "Widget",
            "meta_psid": null,
            "widget_conversation_id": "c8e5796b-13f5-470b-b92a-61f67fc2b3ff",
            "is_automation_enabled": true,
            "first_interaction": 1755349448,
            "last_interaction": 1755356254,
            "chatbot_id": "7a81c98d-12c9-4edf-a1ac-df136762d677",
            "is_unread": true,
            "lifecycle": "Lead"
          }
        """;

    // A contact from a Meta app: meta_psid set, widget_conversation_id null. The documents name the
    // Meta apps but not their wire spelling of source, so this one is the simulator's choice. Its two
    // flags differ on purpose (automation off, a message unread): the documents' examples have both true,
    // which would let a client that swaps them pass.
    public const string MetaContact = """
        {"id":"3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f","name":"Maria Lopez","email":"","phone":"","notes":"Asked about shipping to Spain.","source":"Messenger","meta_psid":"24681357902468135","widget_conversation_id":null,"is_automation_enabled":false,"first_interaction":1755500000,"last_interaction":1755503600,"chatbot_id":"7a81c98d-12c9-4edf-a1ac-df136762d677","is_unread":true,"lifecycle":"Customer"}
        """;

    public static IReadOnlyList<string> Chatbots { get; } = [DemoChatbot, SupportChatbot, ContactsChatbot];

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Contacts { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [VertextSimulator.DemoChatbotId] = [],
        [VertextSimulator.SupportChatbotId] = [],
        [VertextSimulator.ContactsChatbotId] = [ListContact, ModelContact, MetaContact],
    };

    public static string GeneratedContact(string chatbotId, int index)
    {
        var at = 1755600000 + (index * 60);
        return string.Create(CultureInfo.InvariantCulture, $$"""
            {"id":"{{Guid.NewGuid()}}","name":"Visitor {{index}}","email":"visitor{{index}}@example.com","phone":"","notes":"","source":"Widget","meta_psid":null,"widget_conversation_id":"{{Guid.NewGuid()}}","is_automation_enabled":true,"first_interaction":{{at}},"last_interaction":{{at + 30}},"chatbot_id":"{{chatbotId}}","is_unread":false,"lifecycle":"Lead"}
            """);
    }
}
