namespace ChatApis.Testing.Chatting;

// The documents' JSON examples, verbatim. The four trigger payloads seed the sample endpoints.
internal static class ChattingSeed
{
    public const string Me = """
        {
        "ok": true,
        "workspace_id": "owner_123",
        "team_name": "Acme Team",
        "owner_email": "owner@example.com"
        }
        """;

    public const string ConversationCreated = """
        {
        "event": "conversation.created",
        "timestamp": "2026-04-08T00:50:00.000Z",
        "data__conversation_id": "conv_abc123",
        "data__visitor_email": "visitor@example.com",
        "data__visitor_name": "Ava Brooks",
        "data__page_url": "https://www.usechatting.com/pricing",
        "data__first_message": "Do you have a free plan?",
        "data__assigned_to": null,
        "data": {
        "conversation_id": "conv_abc123",
        "visitor_email": "visitor@example.com",
        "visitor_name": "Ava Brooks",
        "page_url": "https://www.usechatting.com/pricing",
        "first_message": "Do you have a free plan?",
        "tags": [],
        "assigned_to": null
        }
        }
        """;

    public const string ConversationResolved = """
        {
        "event": "conversation.resolved",
        "timestamp": "2026-04-08T00:50:00.000Z",
        "data__conversation_id": "conv_abc123",
        "data__visitor_email": "visitor@example.com",
        "data__resolved_by": "owner@usechatting.com",
        "data__message_count": 8,
        "data__duration_seconds": 420,
        "data": {
        "conversation_id": "conv_abc123",
        "visitor_email": "visitor@example.com",
        "resolved_by": "owner@usechatting.com",
        "message_count": 8,
        "duration_seconds": 420
        }
        }
        """;

    public const string ContactCreated = """
        {
        "event": "contact.created",
        "timestamp": "2026-04-08T01:30:00.000Z",
        "data__contact_id": "cnt_abc123",
        "data__email": "visitor@example.com",
        "data__name": "Ava Brooks",
        "data__company": "Acme Corp",
        "data__source": "chat_form",
        "data": {
        "contact_id": "cnt_abc123",
        "email": "visitor@example.com",
        "name": "Ava Brooks",
        "company": "Acme Corp",
        "source": "chat_form"
        }
        }
        """;

    public const string TagAdded = """
        {
        "event": "tag.added",
        "timestamp": "2026-04-08T02:00:00.000Z",
        "data__conversation_id": "conv_abc123",
        "data__tag": "vip",
        "data__added_by": "owner@usechatting.com",
        "data": {
        "conversation_id": "conv_abc123",
        "tag": "vip",
        "added_by": "owner@usechatting.com"
        }
        }
        """;
}
