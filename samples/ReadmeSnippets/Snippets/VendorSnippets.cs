using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Vertext;
using ChatApis.Zipchat;

namespace Samples.ReadmeSnippets.Snippets;

/// <summary>README: one short example per vendor.</summary>
internal static class VendorSnippets
{
    public static async Task AssistLoopAsync(AssistLoopClient assistLoop, string agentUuid)
    {
        #region snippet:assistloop
        var handoffs = await assistLoop.GetRecentSamplesAsync(agentUuid, limit: 5, type: AssistLoopWebhookEventType.HumanHandoffRequired);
        foreach (var handoff in handoffs.Value.OfType<AssistLoopHumanHandoffRequiredEvent>())
        {
            var conversation = handoff.Data.Conversation!.Uuid;
            await foreach (var message in assistLoop.ListMessagesAsync(conversation))   // newest first, every page
            {
                Console.WriteLine($"{message.CreatedAt:t} {message.SenderName}: {message.Content}");
            }

            await assistLoop.ReplyAsync(conversation, "Thanks! A support agent will be with you shortly.");
            await assistLoop.CloseConversationAsync(conversation);
        }
        #endregion
    }

    public static async Task ZipchatAsync(ZipchatClient zipchat, long agentUserId)
    {
        #region snippet:zipchat
        await foreach (var conversation in zipchat.ListConversationsAsync(lastMessageAtSince: DateTimeOffset.UtcNow.AddDays(-1)))
        {
            if (!conversation.HasOpenEscalation)
            {
                continue;
            }

            await zipchat.TakeOverConversationAsync(conversation.Id, agentUserId);        // manual mode
            await zipchat.SendMessageAsync(conversation.Id, "Hi, a human here: let me check.", agentUserId);
            await zipchat.HandBackToAiAsync(conversation.Id);                              // sends "assignee_id": null
            break;
        }
        #endregion
    }

    public static async Task ChattingAsync(ChattingClient chatting, string conversationId)
    {
        #region snippet:chatting
        var contact = await chatting.CreateContactAsync(new ChattingNewContact("lead@example.com")
        {
            Name = "Ava Brooks",
            Tags = ["vip"],
            CustomFields = new Dictionary<string, string> { ["crm_owner"] = "tina" },
        });
        await chatting.AddContactTagAsync(contact.Value.Id, "demo");
        await chatting.SendMessageAsync(conversationId, "Thanks, we got your message.", asSystem: true);
        #endregion
    }

    public static async Task VertextAsync(VertextClient vertext)
    {
        #region snippet:vertext
        await foreach (var bot in vertext.ListChatbotsAsync())
        {
            await foreach (var contact in vertext.ListContactsAsync(bot.Id))
            {
                Console.WriteLine($"{bot.Name}: {contact.Name} ({(contact.IsFromMeta ? "Meta" : "widget")}), last seen {contact.LastInteraction:d}");
            }
        }
        #endregion
    }
}
