using ChatApis.AspNetCore;
using ChatApis.Chatting;
using ChatApis.Zipchat;

namespace Samples.SupportBridge.Bridge;

/// <summary>
/// A customer wrote in a Zipchat conversation the AI escalated and nobody resolved yet: raise it to the team as
/// a Chatting contact (tagged <c>zipchat-escalation</c>). Other new messages are left to the AI.
/// </summary>
public sealed class ZipchatEscalationHandler(BridgeActivity activity, ChattingClient? chatting = null) : IInboundEventHandler<ZipchatNewMessage>
{
    public async Task HandleAsync(ZipchatNewMessage found, InboundEventContext context, CancellationToken cancellationToken = default)
    {
        if (found.Message.Role != MessageRole.User || !found.Conversation.HasOpenEscalation)
        {
            return;
        }

        var lead = found.Conversation.Lead;
        activity.Step($"Zipchat: new customer message {found.Message.Id} in escalated conversation {found.Conversation.Id} ({found.Conversation.Channel.Value})");
        if (chatting is not null && lead?.Email is { Length: > 0 } email)
        {
            var contact = await chatting.CreateContactAsync(
                new ChattingNewContact(email)
                {
                    Name = lead.FullName,
                    Tags = ["zipchat-escalation"],
                    CustomFields = new Dictionary<string, string>
                    {
                        ["zipchat_conversation"] = found.Conversation.ShareUrl ?? found.Conversation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["last_message"] = found.Message.Content ?? "",
                    },
                },
                new ChatApis.Http.RequestOptions { IdempotencyKey = $"zipchat-message-{found.Message.Id}" },
                cancellationToken: cancellationToken);
            activity.Step($"Chatting contact {contact.Value.Id} created for {email} (Zipchat escalation)");
        }

        activity.EscalationDone();
    }
}
