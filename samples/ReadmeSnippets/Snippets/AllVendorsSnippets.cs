using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Http;
using ChatApis.Vertext;
using ChatApis.Zipchat;

namespace Samples.ReadmeSnippets.Snippets;

/// <summary>README: one file using all four vendors' namespaces, no aliases (every type name is unambiguous).</summary>
internal static class AllVendorsSnippets
{
    public static async Task<int> LeadsToChattingAsync(AssistLoopClient assistLoop, ZipchatClient zipchat, VertextClient vertext, ChattingClient chatting, string agentUuid)
    {
        var synced = 0;
        #region snippet:all-vendors with-usings
        // Every customer email any of the chat platforms knows becomes one Chatting contact, tagged with its source.
        var leads = new List<(string Source, string Email)>();
        await foreach (AssistLoopConversation conversation in assistLoop.ListConversationsAsync(agentUuid))
        {
            if (conversation.ChatUser?.Email is { } email)
            {
                leads.Add(("assistloop", email));
            }
        }

        await foreach (ZipchatConversation conversation in zipchat.ListConversationsAsync())
        {
            if (conversation.Lead?.Email is { } email)
            {
                leads.Add(("zipchat", email));
            }
        }

        await foreach (VertextChatbot bot in vertext.ListChatbotsAsync())
        {
            await foreach (VertextContact contact in vertext.ListContactsAsync(bot.Id))
            {
                if (contact.Email.Length > 0)
                {
                    leads.Add(("vertext", contact.Email));
                }
            }
        }

        foreach (var (source, email) in leads.DistinctBy(lead => lead.Email))
        {
            // The same key on a rerun: Chatting replays the first answer instead of creating a duplicate.
            var key = new RequestOptions { IdempotencyKey = $"lead-{email}" };
            await chatting.CreateContactAsync(new ChattingNewContact(email) { Tags = [source] }, key);
            synced++;
        }
        #endregion
        return synced;
    }
}
