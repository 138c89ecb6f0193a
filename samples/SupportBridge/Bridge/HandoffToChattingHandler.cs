using ChatApis.AspNetCore;
using ChatApis.AssistLoop;
using ChatApis.Chatting;

namespace Samples.SupportBridge.Bridge;

/// <summary>
/// AssistLoop's AI asked for a human: read the conversation, open it as a contact in Chatting (the team's inbox),
/// and tell the customer a person has it. Runs once per handoff however often AssistLoop retries the delivery;
/// if it throws (say Chatting refuses the contact), the endpoint answers 500 and AssistLoop delivers it again.
/// </summary>
public sealed class HandoffToChattingHandler(AssistLoopClient assistLoop, BridgeActivity activity, ChattingClient? chatting = null)
    : IInboundEventHandler<AssistLoopHumanHandoffRequiredEvent>
{
    public async Task HandleAsync(AssistLoopHumanHandoffRequiredEvent handoff, InboundEventContext context, CancellationToken cancellationToken = default)
    {
        var conversation = handoff.Data.Conversation?.Uuid
            ?? throw new InvalidOperationException("The handoff names no conversation.");
        var transcript = new List<string>();
        await foreach (var message in assistLoop.ListMessagesAsync(conversation, cancellationToken: cancellationToken))
        {
            transcript.Add($"{message.CreatedAt:u} {message.SenderName ?? message.Type.Value}: {message.Content}");
        }

        transcript.Reverse();
        activity.Step($"AssistLoop handoff {handoff.Id}: read {transcript.Count} message(s) of conversation {conversation}");

        var ticket = "the support team";
        if (chatting is not null && handoff.Data.ChatUser?.Email is { Length: > 0 } email)
        {
            // The key makes the contact once, even when this handler runs again after a failure further on.
            var contact = await chatting.CreateContactAsync(
                new ChattingNewContact(email)
                {
                    Name = handoff.Data.ChatUser.Name,
                    Tags = ["assistloop-handoff"],
                    CustomFields = new Dictionary<string, string>
                    {
                        ["assistloop_conversation"] = conversation,
                        ["last_message"] = handoff.Data.LastMessage?.Content ?? "",
                        ["transcript_messages"] = transcript.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    },
                },
                new ChatApis.Http.RequestOptions { IdempotencyKey = $"assistloop-handoff-{handoff.Id}" },
                cancellationToken: cancellationToken);
            ticket = $"ticket {contact.Value.Id}";
            activity.Step($"Chatting contact {contact.Value.Id} created for {email}");
        }

        await assistLoop.ReplyAsync(conversation, $"Thanks for waiting: a person from our team has your conversation ({ticket}).", cancellationToken: cancellationToken);
        activity.Step($"Replied to the customer in AssistLoop conversation {conversation}");
        activity.HandoffDone();
    }
}
