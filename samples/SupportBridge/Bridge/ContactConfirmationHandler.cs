using ChatApis.AspNetCore;
using ChatApis.Chatting;

namespace Samples.SupportBridge.Bridge;

/// <summary>Chatting's <c>contact.created</c> trigger closes the loop: the contact the bridge made is in the team's inbox.</summary>
public sealed class ContactConfirmationHandler(BridgeActivity activity) : IInboundEventHandler<ContactCreatedTrigger>
{
    public Task HandleAsync(ContactCreatedTrigger created, InboundEventContext context, CancellationToken cancellationToken = default)
    {
        activity.Step($"Chatting trigger contact.created: {created.Email} is in the inbox (contact {created.ContactId})");
        activity.ConfirmationSeen();
        return Task.CompletedTask;
    }
}
