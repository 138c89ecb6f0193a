namespace ChatApis.Testing.AssistLoop;

// The seeded data: the documents' examples, verbatim except the emails. The documents show every email as
// "[email\u00A0protected]" (a web page's address obfuscation, with a no-break space), which no CRM accepts:
// a webhook-to-CRM flow on the simulator must work, so each is replaced by a plausible address built from the
// example's own name. Items the simulator later changes (a close, a reply) are re-serialized; untouched ones
// are served exactly as written here.
internal static class AssistLoopSeed
{
    // GET oauth/me (both documents). "john.doe@example.com" replaces the documents' "[email\u00A0protected]".
    public const string Me = """
        {
          "uuid": "usr_abc123",
          "name": "John Doe",
          "email": "john.doe@example.com"
        }
        """;

    // The user of the authorize response (both documents). "john.doe@example.com" replaces the documents' "[email\u00A0protected]".
    public const string AuthorizeUser = """
        {
            "name": "John Doe",
            "email": "john.doe@example.com"
          }
        """;

    // The list-conversations example item (the Zapier document; the Make one is the same data).
    // "jane.smith@example.com" replaces the documents' "[email\u00A0protected]".
    public const string Conversation = """
        {
            "id": "550e8400-e29b-41d4-a716-446655440000",
            "uuid": "550e8400-e29b-41d4-a716-446655440000",
            "session_id": "sess_abc123",
            "response_mode": "ai",
            "status": true,
            "last_message_seen": false,
            "deleted_at": null,
            "chat_user": {
              "name": "Jane Smith",
              "email": "jane.smith@example.com",
              "country_code": "US",
              "chat_user_id": "chu_xyz123"
            }
          }
        """;

    // The Make "Get Conversations" dropdown example item. "john.doe@example.com" replaces the document's "[email\u00A0protected]".
    public const string MakeConversation = """
        {
                "id": "conv_abc123xyz",
                "uuid": "conv_abc123xyz",
                "session_id": "sess_xyz789",
                "response_mode": "ai",
                "status": true,
                "last_message_seen": false,
                "chat_user": {
                    "name": "John Doe",
                    "email": "john.doe@example.com",
                    "country_code": "+1",
                    "chat_user_id": "user_12345"
                }
            }
        """;

    // The find-messages example (the Zapier document), newest first.
    public const string AgentMessage = """
        {
            "id": "msg_abc124",
            "uuid": "660e8400-e29b-41d4-a716-446655440002",
            "content": "I'd be happy to help you with your order. Could you provide your order number?",
            "type": "agent",
            "is_read": null,
            "status": null,
            "responder_type": "ai",
            "emailed_at": null,
            "email_seen": false,
            "email_opened_at": null,
            "via": "web",
            "created_at": "2025-01-20T16:00:15.000000Z",
            "user_feedback": null,
            "sender_name": "Customer Support Agent",
            "attachments": []
          }
        """;

    public const string GuestMessage = """
        {
            "id": "msg_abc123",
            "uuid": "660e8400-e29b-41d4-a716-446655440001",
            "content": "I need help with my order",
            "type": "guest",
            "is_read": null,
            "status": null,
            "responder_type": null,
            "emailed_at": null,
            "email_seen": false,
            "email_opened_at": null,
            "via": "web",
            "created_at": "2025-01-20T16:00:00.000000Z",
            "user_feedback": null,
            "sender_name": "Jane Smith",
            "attachments": []
          }
        """;

    // The recent-sample example item (the Zapier document). "sample.customer@example.com" (from its "Sample
    // Customer") replaces the document's "[email\u00A0protected]".
    public const string NewConversationSample = """
        {
            "id": "550e8400-e29b-41d4-a716-446655440000",
            "event": "new_conversation",
            "timestamp": "2025-01-20T15:30:00+00:00",
            "data": {
              "conversation": {
                "uuid": "550e8400-e29b-41d4-a716-446655440000",
                "status": true,
                "response_mode": "ai",
                "created_at": "2025-01-20T15:30:00+00:00"
              },
              "agent": {
                "uuid": "agt_abc123",
                "name": "Customer Support Agent"
              },
              "chat_user": {
                "name": "Sample Customer",
                "email": "sample.customer@example.com"
              },
              "organization": {
                "uuid": "org_xyz789",
                "name": "Acme Corporation"
              },
              "initial_message": {
                "uuid": "msg_sample123",
                "content": "Hello, I have a question",
                "type": "guest",
                "created_at": "2025-01-20T15:30:00+00:00"
              }
            }
          }
        """;

    // GET my/organizations (the Make document).
    public const string Organizations = """
        [
            {
                "organization_uuid": "org_abc123xyz",
                "id": "org_abc123xyz",
                "name": "Acme Corp"
            },
            {
                "organization_uuid": "org_def456uvw",
                "id": "org_def456uvw",
                "name": "Tech Startup Inc"
            }
        ]
        """;

    // GET organizations/org_abc123xyz/agents (the Make document).
    public const string MakeAgents = """
        [
            {
                "agent_uuid": "agent_abc123",
                "id": "agent_abc123",
                "name": "Support Bot"
            },
            {
                "agent_uuid": "agent_def456",
                "id": "agent_def456",
                "name": "Sales Assistant"
            }
        ]
        """;

    // The organization and agent of the documents' webhook examples (not in the Make list example).
    public const string ExampleOrganizationAgents = """
        [{"agent_uuid":"agt_abc123","id":"agt_abc123","name":"Customer Support Agent"}]
        """;
}
