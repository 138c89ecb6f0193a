using ChatApis.AspNetCore;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Maps the vendors' webhook endpoints: each delivery is checked (URL token, content type, size, read deadline,
/// optional verifier, payload), handled once however often the vendor retries it, and dispatched to the
/// <see cref="IInboundEventHandler{TEvent}"/> registered for its event type. Call
/// <c>services.AddChatApisInboundEvents()</c> first.
/// </summary>
public static class InboundEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> for AssistLoop webhook deliveries: <c>new_conversation</c> to
    /// <c>IInboundEventHandler&lt;AssistLoopNewConversationEvent&gt;</c>, <c>human_handoff_required</c> to
    /// <c>IInboundEventHandler&lt;AssistLoopHumanHandoffRequiredEvent&gt;</c>, any other event to
    /// <c>IInboundEventHandler&lt;AssistLoopUnknownWebhookEvent&gt;</c> (raw JSON kept), and each of them, when it has no
    /// handler, to <c>IInboundEventHandler&lt;AssistLoopWebhookEvent&gt;</c> if there is one.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The route, e.g. <c>/hooks/assistloop/{token}</c> (the token in the path) or <c>/hooks/assistloop</c> (in the query).</param>
    /// <param name="configure">Sets the URL token (required unless a verifier or <see cref="WebhookEndpointOptions.AllowUnauthenticated"/> is set) and limits.</param>
    /// <returns>The endpoint's builder, for more conventions.</returns>
    /// <exception cref="InvalidOperationException">No URL token, verifier or explicit opt-out; or the inbound services are not registered.</exception>
    /// <exception cref="ArgumentException">A token or limit is not valid.</exception>
    public static IEndpointConventionBuilder MapAssistLoopWebhooks(this IEndpointRouteBuilder endpoints, string pattern, Action<WebhookEndpointOptions> configure) =>
        Map(endpoints, pattern, configure, new AssistLoopDeliveryParser());

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> for Chatting trigger deliveries: <c>conversation.created</c>,
    /// <c>conversation.resolved</c>, <c>contact.created</c> and <c>tag.added</c> to the handlers of
    /// <c>ConversationCreatedTrigger</c>, <c>ConversationResolvedTrigger</c>, <c>ContactCreatedTrigger</c> and
    /// <c>TagAddedTrigger</c>, any other event to <c>IInboundEventHandler&lt;UnknownTrigger&gt;</c> (raw JSON kept),
    /// and each of them, when it has no handler, to <c>IInboundEventHandler&lt;ChattingTrigger&gt;</c> if there is one.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The route, e.g. <c>/hooks/chatting/{token}</c>.</param>
    /// <param name="configure">Sets the URL token and limits.</param>
    /// <returns>The endpoint's builder.</returns>
    /// <exception cref="InvalidOperationException">No URL token, verifier or explicit opt-out; or the inbound services are not registered.</exception>
    /// <exception cref="ArgumentException">A token or limit is not valid.</exception>
    public static IEndpointConventionBuilder MapChattingTriggers(this IEndpointRouteBuilder endpoints, string pattern, Action<WebhookEndpointOptions> configure) =>
        Map(endpoints, pattern, configure, new ChattingDeliveryParser());

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> for deliveries to Vertext Zapier subscriptions. Their payloads are
    /// not documented: any JSON body reaches <c>IInboundEventHandler&lt;VertextWebhookEvent&gt;</c> whole.
    /// </summary>
    /// <param name="endpoints">The app.</param>
    /// <param name="pattern">The route, e.g. <c>/hooks/vertext/{token}</c>.</param>
    /// <param name="configure">Sets the URL token and limits.</param>
    /// <returns>The endpoint's builder.</returns>
    /// <exception cref="InvalidOperationException">No URL token, verifier or explicit opt-out; or the inbound services are not registered.</exception>
    /// <exception cref="ArgumentException">A token or limit is not valid.</exception>
    public static IEndpointConventionBuilder MapVertextWebhooks(this IEndpointRouteBuilder endpoints, string pattern, Action<WebhookEndpointOptions> configure) =>
        Map(endpoints, pattern, configure, new VertextDeliveryParser());

    private static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string pattern, Action<WebhookEndpointOptions> configure, IDeliveryParser parser)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new WebhookEndpointOptions();
        configure(options);
        options.EnsureValid(pattern);

        var services = endpoints.ServiceProvider;
        var store = services.GetService<IDeliveryClaimStore>()
            ?? throw new InvalidOperationException("Call services.AddChatApisInboundEvents() before mapping webhook endpoints.");
        var shared = services.GetRequiredService<IOptions<InboundEventOptions>>().Value;
        shared.EnsureValid();
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("ChatApis.AspNetCore") ?? NullLogger.Instance;
        var tokenInPath = RoutePatternFactory.Parse(pattern).GetParameter(WebhookUrlToken.RouteParameterName) is not null;

        var endpoint = new WebhookEndpoint(parser, options, options.Name ?? pattern, tokenInPath, store, shared, time, logger);
        return endpoints.MapPost(pattern, endpoint.InvokeAsync);
    }
}
