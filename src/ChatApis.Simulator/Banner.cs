using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Chatting;
using ChatApis.Testing.Vertext;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Simulator;

/// <summary>What the tool prints: the surfaces, their base URLs, the seeded credentials and a first curl per API.</summary>
internal static class Banner
{
    public const string Routes = """
        Surfaces (each simulator listens on its own port: --port, --port + 1, + 2, + 3):
          AssistLoop  Zapier surface  /api/v1/...   Make surface  /v1/...   OAuth token  /oauth/token (host root)
                      oauth/authorize, oauth/me, webhooks/subscribe, webhooks/unsubscribe/{id},
                      automation/agents/{agent}/conversations/list | recent-sample,
                      automation/conversations/{id}/messages/find | reply | close,
                      Make only: my/organizations, organizations/{org}/agents
          Zipchat     /api/integrations/backend_api/v1/chats/{chat_id}/conversations[/{id}[/assignment|/messages]],
                      /api/integrations/backend_api/v1/chats/{chat_id}/users[/{id}]
          Chatting    /api/zapier/me, webhooks/subscribe, webhooks/{id}, conversations, contacts,
                      contacts/{id}/tags, conversations/{id}/messages
          Vertext     /chatbots/list, /contacts/{chatbot_id}, /chatbots/{chatbot_id}/zapier_subscriptions[/{id}]
        """;

    public static string Credentials =>
        $"""
        Seeded credentials:
          AssistLoop  Authorization: Bearer {AssistLoopSimulator.AccessToken}
                      client_id {AssistLoopSimulator.ClientId}, client_secret {AssistLoopSimulator.ClientSecret},
                      refresh_token {AssistLoopSimulator.RefreshToken}, session cookie {AssistLoopSimulator.SessionCookie}
                      agent {AssistLoopSimulator.AgentUuid}, organization {AssistLoopSimulator.OrganizationUuid}
          Zipchat     Authorization: Bearer {ZipchatSimulator.ApiKey}   chat id {ZipchatSimulator.ChatId}
          Chatting    X-API-Key: {ChattingSimulator.ApiKey}
          Vertext     Authorization: Bearer {VertextSimulator.AccessToken}
        (These are the simulator's own test values, not secrets.)
        """;

    public static string Started(SimulatorSet set) =>
        $"""
        ChatApis simulator is running (Ctrl+C to stop).
          AssistLoop Zapier  {set.AssistLoop.BaseAddress}api/v1/
          AssistLoop Make    {set.AssistLoop.BaseAddress}v1/
          Zipchat            {set.Zipchat.BaseAddress}{ZipchatSimulator.ApiPath}
          Chatting           {set.Chatting.BaseAddress}api/zapier/
          Vertext            {set.Vertext.BaseAddress}

        {Credentials}

        Try:
          curl -H "Authorization: Bearer {AssistLoopSimulator.AccessToken}" {set.AssistLoop.BaseAddress}api/v1/oauth/me
          curl -H "Authorization: Bearer {ZipchatSimulator.ApiKey}" {set.Zipchat.BaseAddress}{ZipchatSimulator.ApiPath}chats/{ZipchatSimulator.ChatId}/conversations
          curl -H "X-API-Key: {ChattingSimulator.ApiKey}" {set.Chatting.BaseAddress}api/zapier/me
          curl -H "Authorization: Bearer {VertextSimulator.AccessToken}" "{set.Vertext.BaseAddress}chatbots/list?page=0&per_page=2"
        """;
}
