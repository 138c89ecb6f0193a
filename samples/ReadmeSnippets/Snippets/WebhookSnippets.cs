using ChatApis.AssistLoop;
using ChatApis.Chatting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Samples.ReadmeSnippets.Snippets;

/// <summary>README: receiving AssistLoop webhooks and Chatting triggers in ASP.NET Core.</summary>
internal static class WebhookSnippets
{
    public static void Map(WebApplication app)
    {
        #region snippet:webhooks
        app.MapPost("/hooks/assistloop", async (HttpRequest request, AssistLoopClient assistLoop) =>
        {
            using var body = new StreamReader(request.Body);
            switch (AssistLoopWebhookEvent.Parse(await body.ReadToEndAsync()))
            {
                case AssistLoopHumanHandoffRequiredEvent handoff:
                    await assistLoop.ReplyAsync(handoff.Data.Conversation!.Uuid, "A human will take it from here.");
                    break;
                case AssistLoopNewConversationEvent created:
                    Console.WriteLine($"New conversation from {created.Data.ChatUser?.Email}");
                    break;
            }

            return Results.Ok();
        });

        app.MapPost("/hooks/chatting", async (HttpRequest request) =>
        {
            using var body = new StreamReader(request.Body);
            if (ChattingTrigger.Parse(await body.ReadToEndAsync()) is ContactCreatedTrigger contact)
            {
                Console.WriteLine($"New contact {contact.Email} from {contact.Source}");
            }

            return Results.Ok();
        });
        #endregion
    }
}
