namespace ChatApis.Contract.Tests.Coverage;

/// <summary>
/// Every endpoint and webhook payload the documents describe, per surface, with the path template as the
/// document writes it (AssistLoop's relative to its surface base, except the two OAuth URLs the documents
/// give in full). Adding an endpoint here without a contract test fails <see cref="CoverageTests"/>.
/// </summary>
public static class DocumentedEndpoints
{
    private const Aspect Call = Aspect.Request | Aspect.Response | Aspect.Errors;

    public static IReadOnlyList<DocumentedEndpoint> All { get; } =
    [
        .. AssistLoop(Surface.AssistLoopZapier, "assistloop-zapier.txt"),
        .. AssistLoop(Surface.AssistLoopMake, "assistloop-make.txt"),
        new(Surface.AssistLoopMake, "GET /my/organizations", Call, "Remote Procedures > Get Workspaces"),
        new(Surface.AssistLoopMake, "GET /organizations/{organization_uuid}/agents", Call, "Remote Procedures > Get Agents"),

        new(Surface.Zipchat, "GET /chats/:chat_id/conversations", Call | Aspect.Paging, "List Conversations"),
        new(Surface.Zipchat, "GET /chats/:chat_id/conversations/:id", Call | Aspect.Paging, "Get Conversation (path from the API notes; the seed lost it)"),
        new(Surface.Zipchat, "GET /chats/:chat_id/users", Call | Aspect.Paging, "List Users"),
        new(Surface.Zipchat, "GET /chats/:chat_id/users/:id", Call, "Get User"),
        new(Surface.Zipchat, "PATCH /chats/:chat_id/conversations/:id/assignment", Call, "Update Conversation Assignment"),
        new(Surface.Zipchat, "POST /chats/:chat_id/conversations/:id/messages", Call, "Send Manual Message"),

        new(Surface.Chatting, "GET /api/zapier/me", Call, "Base URL and response format"),
        new(Surface.Chatting, "POST /api/zapier/webhooks/subscribe", Call, "Trigger subscriptions and sample endpoints"),
        new(Surface.Chatting, "DELETE /api/zapier/webhooks/{id}", Call, "Trigger subscriptions and sample endpoints"),
        new(Surface.Chatting, "GET /api/zapier/conversations", Call, "Trigger subscriptions and sample endpoints (samples)"),
        new(Surface.Chatting, "GET /api/zapier/contacts", Call, "Trigger subscriptions and sample endpoints (contact sample)"),
        new(Surface.Chatting, "POST /api/zapier/contacts", Call, "Action endpoints > Create contact"),
        new(Surface.Chatting, "POST /api/zapier/contacts/{id}/tags", Call, "Action endpoints > Add tag to contact"),
        new(Surface.Chatting, "POST /api/zapier/conversations/{id}/messages", Call, "Action endpoints > Send message"),
        new(Surface.Chatting, "EVENT conversation.created", Aspect.Response, "Sample trigger payloads"),
        new(Surface.Chatting, "EVENT conversation.resolved", Aspect.Response, "Sample trigger payloads"),
        new(Surface.Chatting, "EVENT contact.created", Aspect.Response, "Sample trigger payloads"),
        new(Surface.Chatting, "EVENT tag.added", Aspect.Response, "Sample trigger payloads"),

        new(Surface.Vertext, "GET /chatbots/list", Call | Aspect.Paging, "GET /chatbots/list"),
        new(Surface.Vertext, "POST /chatbots/{chatbot_id}/zapier_subscriptions", Call, "POST /chatbots/{chatbot_id}/zapier_subscriptions"),
        new(Surface.Vertext, "DELETE /chatbots/{chatbot_id}/zapier_subscriptions/{id}", Call, "DELETE /chatbots/{chatbot_id}/zapier_subscriptions/{id}"),
        new(Surface.Vertext, "GET /contacts/{chatbot_id}", Call | Aspect.Paging, "GET /contacts/{chatbot_id}"),
    ];

    public static IEnumerable<DocumentedEndpoint> Of(Surface surface) => All.Where(e => e.Surface == surface);

    // The two AssistLoop documents describe one API: the same endpoints on two bases.
    private static IEnumerable<DocumentedEndpoint> AssistLoop(Surface surface, string document) =>
    [
        new(surface, "POST /api/v1/oauth/authorize", Call, $"{document}: OAuth 2.0 Endpoints / Step 1: Authorization Request"),
        new(surface, "POST /oauth/token", Call, $"{document}: OAuth 2.0 Endpoints / Steps 2 and 4"),
        new(surface, "GET /oauth/me", Call, $"{document}: Get Current User"),
        new(surface, "POST /webhooks/subscribe", Call, $"{document}: Subscribe to Webhooks"),
        new(surface, "DELETE /webhooks/unsubscribe/{uuid}", Call, $"{document}: Unsubscribe from Webhooks"),
        new(surface, "GET /automation/agents/{agentUuid}/conversations/list", Call, $"{document}: List Conversations"),
        new(surface, "GET /automation/agents/{agentUuid}/conversations/recent-sample", Call, $"{document}: Get Recent Conversation Samples"),
        new(surface, "POST /automation/conversations/{conversationUuid}/close", Call, $"{document}: Close Conversation"),
        new(surface, "GET /automation/conversations/{conversationUuid}/messages/find", Call | Aspect.Paging, $"{document}: Find Messages"),
        new(surface, "POST /automation/conversations/{conversationUuid}/reply", Call, $"{document}: Reply to Conversation"),
        new(surface, "EVENT new_conversation", Aspect.Response, $"{document}: Webhook Payload Examples"),
        new(surface, "EVENT human_handoff_required", Aspect.Response, $"{document}: Webhook Payload Examples"),
    ];
}
