using System.Text.Json.Nodes;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;
using ChatApis.Pagination;

namespace ChatApis.Contract.Tests.Vertext;

// "page: Offset into the resource collection" starting at 0, "With page=3 and per_page=40, the API will
// return entries starting at index 120 (3×40)": page is a 0-based page INDEX. No metadata: a page
// shorter than per_page is the last.
public sealed partial class VertextContractTests
{
    [Fact]
    [Covers("GET /chatbots/list", Aspect.Request | Aspect.Paging)]
    public async Task Listing_chatbots_walks_page_indexes_0_1_2_and_stops_on_the_short_page()
    {
        var bodies = new[]
        {
            Doc("get-chatbots-list.response-200.json"),
            Copies("get-chatbots-list.response-200.json", "chatbot-3", "chatbot-4"),
            Copies("get-chatbots-list.response-200.json", "chatbot-5"),
        };
        var stubs = bodies.Select((body, i) => _wire.Expect(Get("/chatbots/list").Query("page", $"{i}").Query("per_page", "2"), Reply.Json(200, body))).ToArray();

        var pages = await _wire.CallAsync(ct => Walk(Client().ListChatbotsAsync(perPage: 2, cancellationToken: ct), ct), stubs);

        AssertWalk(pages, ["7a81c98d-12c3-4edf-41ac-df1e6762d677", "2b9e1f4a-8c21-4e3b-bc7a-5f2e8a1d1234", "chatbot-3", "chatbot-4", "chatbot-5"], c => c.Id);
    }

    [Fact]
    [Covers("GET /contacts/{chatbot_id}", Aspect.Request | Aspect.Paging)]
    public async Task Listing_contacts_walks_page_indexes_0_1_2_and_stops_on_the_short_page()
    {
        // The example page (one contact) is the last, short page of a walk at per_page=2.
        var bodies = new[]
        {
            Copies("get-contacts.response-200.json", "contact-1", "contact-2"),
            Copies("get-contacts.response-200.json", "contact-3", "contact-4"),
            Doc("get-contacts.response-200.json"),
        };
        var stubs = bodies.Select((body, i) => _wire.Expect(Get($"/contacts/{ChatbotId}").Query("page", $"{i}").Query("per_page", "2"), Reply.Json(200, body))).ToArray();

        var pages = await _wire.CallAsync(ct => Walk(Client().ListContactsAsync(ChatbotId, perPage: 2, cancellationToken: ct), ct), stubs);

        AssertWalk(pages, ["contact-1", "contact-2", "contact-3", "contact-4", "8fb610b3-a7d1-4407-9940-98bab3ffa8cc"], c => c.Id);
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

    private static void AssertWalk<T>(List<Page<T>> pages, string[] ids, Func<T, string> idOf)
    {
        Assert.Equal([0, 1, 2], pages.Select(p => p.PageNumber));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal(ids, pages.SelectMany(p => p.Items).Select(idOf));
    }

    /// <summary>A page of copies of the example's first item under other ids.</summary>
    private static string Copies(string example, params string[] ids)
    {
        var template = JsonNode.Parse(Doc(example))!.AsArray()[0]!;
        var page = new JsonArray();
        foreach (var id in ids)
        {
            var item = template.DeepClone();
            item["id"] = id;
            page.Add(item);
        }

        return page.ToJsonString();
    }
}
