using ChatApis;
using ChatApis.Zipchat;

namespace Samples.ReadmeSnippets.Snippets;

/// <summary>README: pagination and errors.</summary>
internal static class UsageSnippets
{
    public static async Task PaginationAsync(ZipchatClient zipchat)
    {
        #region snippet:pages
        await foreach (var page in zipchat.ListConversationsAsync(perPage: 100).AsPages())
        {
            Console.WriteLine($"page {page.PageNumber}: {page.Items.Count} conversations, " +
                $"{page.Response.RateLimit?.Remaining} requests left until {page.Response.RateLimit?.ResetAt:t}");
        }
        #endregion
    }

    public static async Task ErrorsAsync(ZipchatClient zipchat, long conversationId, long userId)
    {
        #region snippet:errors
        try
        {
            await zipchat.SendMessageAsync(conversationId, "Hello!", userId);
        }
        catch (ChatApiValidationException e) when (e.GetZipchatErrorCode() == ZipchatErrorCode.ConversationInAiMode)
        {
            await zipchat.TakeOverConversationAsync(conversationId, userId);   // take it over first, then send again
        }
        catch (ChatApiRateLimitException e)
        {
            Console.WriteLine($"Rate limited: try again in {e.RetryAfter}");
        }
        catch (ChatApiTransportException e) when (e.RequestMayHaveReachedServer)
        {
            Console.WriteLine("The message may or may not have been sent: check before sending it again.");
        }
        catch (ChatApiException e)
        {
            Console.WriteLine($"{e.StatusCode} {e.ErrorCode}: {e.Message} (request id {e.RequestId})");
        }
        #endregion
    }
}
