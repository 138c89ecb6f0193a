using ChatApis.AspNetCore;
using ChatApis.AssistLoop;
using ChatApis.Chatting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Samples.ReadmeSnippets.Snippets;

/// <summary>README: inbound events with ChatApis.AspNetCore (typed handlers, exactly once, URL tokens).</summary>
internal static class InboundSnippets
{
    public static WebApplication Build(WebApplicationBuilder builder, string assistLoopToken, string chattingToken)
    {
        #region snippet:inbound
        builder.Services.AddChatApisInboundEvents()
            .AddHandler<AssistLoopHumanHandoffRequiredEvent, HandoffHandler>()
            .AddHandler<ContactCreatedTrigger>((contact, context, ct) =>
            {
                Console.WriteLine($"New contact {contact.Email} (delivery {context.DeliveryKey})");
                return Task.CompletedTask;
            })
            .AddZipchatWatcher();   // new Zipchat messages reach IInboundEventHandler<ZipchatNewMessage>, once each

        var app = builder.Build();
        app.MapAssistLoopWebhooks("/hooks/assistloop/{token}", o => o.UrlToken = assistLoopToken);
        app.MapChattingTriggers("/hooks/chatting/{token}", o => o.UrlToken = chattingToken);
        #endregion
        return app;
    }

    public static async Task<Uri> SubscribeAsync(AssistLoopClient assistLoop, Uri publicBase, string assistLoopToken, string organizationUuid, string agentUuid)
    {
        #region snippet:inbound-subscribe
        var target = WebhookUrlToken.BuildTargetUrl(new Uri(publicBase, "hooks/assistloop"), assistLoopToken);
        await assistLoop.SubscribeWebhookAsync(organizationUuid, agentUuid, target, AssistLoopWebhookEventType.HumanHandoffRequired);
        #endregion
        return target;
    }
}

#region snippet:inbound-handler
/// <summary>Runs once per handoff, however often AssistLoop retries the delivery; if it throws, AssistLoop gets a 500 and retries.</summary>
public sealed class HandoffHandler(AssistLoopClient assistLoop) : IInboundEventHandler<AssistLoopHumanHandoffRequiredEvent>
{
    public async Task HandleAsync(AssistLoopHumanHandoffRequiredEvent handoff, InboundEventContext context, CancellationToken cancellationToken = default) =>
        await assistLoop.ReplyAsync(handoff.Data.Conversation!.Uuid, "Thanks! A person will take it from here.", cancellationToken: cancellationToken);
}
#endregion
