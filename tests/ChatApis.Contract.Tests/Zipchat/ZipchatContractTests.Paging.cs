using System.Text.Json.Nodes;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;
using ChatApis.Pagination;

namespace ChatApis.Contract.Tests.Zipchat;

// "page: 1-based page number" with per_page (max 100), and message_page / message_per_page (max 200) on
// a conversation. The document shows no pagination metadata, so a walk ends on a page shorter than
// per_page. Page 1 is the example itself; the later pages repeat its items' shape with other ids.
public sealed partial class ZipchatContractTests
{
    [Fact]
    [Covers("GET /chats/:chat_id/conversations", Aspect.Request | Aspect.Paging)]
    public async Task Listing_conversations_walks_pages_1_2_3_and_stops_on_the_short_page()
    {
        var pages = new[] { Doc("list-conversations.response.json"), Items("list-conversations.response.json", "conversations", 12347, 12348), Items("list-conversations.response.json", "conversations", 12349) };
        var stubs = pages.Select((body, i) => _wire.Expect(Get("/conversations").Query("page", $"{i + 1}").Query("per_page", "2"), Answer(200, body))).ToArray();

        var read = await _wire.CallAsync(ct => Walk(Client().ListConversationsAsync(perPage: 2, cancellationToken: ct), ct), stubs);

        AssertWalk(read, [12345, 12346, 12347, 12348, 12349], c => c.Id);
    }

    [Fact]
    [Covers("GET /chats/:chat_id/users", Aspect.Request | Aspect.Paging)]
    public async Task Listing_users_walks_pages_1_2_3_and_stops_on_the_short_page()
    {
        var pages = new[] { Doc("list-users.response.json"), Items("list-users.response.json", "users", 9, 10), Items("list-users.response.json", "users", 11) };
        var stubs = pages.Select((body, i) => _wire.Expect(Get("/users").Query("page", $"{i + 1}").Query("per_page", "2"), Answer(200, body))).ToArray();

        var read = await _wire.CallAsync(ct => Walk(Client().ListUsersAsync(perPage: 2, cancellationToken: ct), ct), stubs);

        AssertWalk(read, [7, 8, 9, 10, 11], u => u.Id);
    }

    [Fact]
    [Covers("GET /chats/:chat_id/conversations/:id", Aspect.Request | Aspect.Paging)]
    public async Task Listing_a_conversations_messages_walks_message_pages_1_2_3_and_stops_on_the_short_page()
    {
        var stubs = new[] { (501L, 502L), (503L, 504L), (505L, 0L) }
            .Select((ids, i) => _wire.Expect(
                Get("/conversations/12345").Query("message_page", $"{i + 1}").Query("message_per_page", "2"),
                Answer(200, MessagePage(ids.Item1, ids.Item2))))
            .ToArray();

        var read = await _wire.CallAsync(ct => Walk(Client().ListMessagesAsync(12345, messagePerPage: 2, cancellationToken: ct), ct), stubs);

        AssertWalk(read, [501, 502, 503, 504, 505], m => m.Id);
    }

    private static async Task<List<Page<T>>> Walk<T>(AsyncPageable<T> pageable, CancellationToken cancellationToken)
    {
        var pages = new List<Page<T>>();
        await foreach (var page in pageable.AsPages(cancellationToken))
        {
            pages.Add(page);
        }

        return pages;
    }

    private static void AssertWalk<T>(List<Page<T>> pages, long[] ids, Func<T, long> idOf)
    {
        Assert.Equal([1, 2, 3], pages.Select(p => p.PageNumber));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.All(pages, p => Assert.Equal(RateLimit, p.Response.RateLimit));
        Assert.Equal(ids, pages.SelectMany(p => p.Items).Select(idOf));
    }

    /// <summary>A list page of the example's shape holding copies of its first item under other ids.</summary>
    private static string Items(string example, string key, params long[] ids)
    {
        var root = JsonNode.Parse(Doc(example))!.AsObject();
        var template = root[key]!.AsArray()[0]!;
        var items = new JsonArray();
        foreach (var id in ids)
        {
            var item = template.DeepClone().AsObject();
            item["id"] = id;
            if (item.ContainsKey("share_url"))
            {
                item["share_url"] = $"https://app.zipchat.ai/chats/1/conversations/{id}";
            }

            items.Add(item);
        }

        root[key] = items;
        return root.ToJsonString();
    }

    /// <summary>The Get Conversation example holding only the messages with these ids (0: none); 505 is a copy of 504.</summary>
    private static string MessagePage(long first, long second)
    {
        var root = JsonNode.Parse(Doc("get-conversation.response.json"))!.AsObject();
        var conversation = root["conversation"]!.AsObject();
        var all = conversation["messages"]!.AsArray().Select(m => m!.DeepClone()).ToList();
        var extra = all[^1]!.DeepClone();
        extra["id"] = 505;
        all.Add(extra);
        conversation["messages"] = new JsonArray([.. all.Where(m => long.Parse(m!["id"]!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) is var id && (id == first || id == second))]);
        return root.ToJsonString();
    }
}
