using System.Globalization;
using System.Text.Json.Nodes;
using ChatApis.AssistLoop;
using ChatApis.Contract.Tests.Coverage;
using ChatApis.Contract.Tests.Support;
using ChatApis.Pagination;
using WireMock;

namespace ChatApis.Contract.Tests.AssistLoop;

// Find Messages documents no page parameter: messages come newest first, filtered by created_from /
// created_to ("created before this date") and per_page (10 to 100). Walking a long conversation means
// asking again with created_to set from the page just read. The stub here follows that filter for any
// created_to the SDK picks, read strictly ("before", as the documents say) or inclusively (what many
// servers do), so the test pins the outcome the document promises, not the SDK's cursor arithmetic.
public abstract partial class AssistLoopContractTests
{
    private const string FindPath = "/automation/conversations/550e8400-e29b-41d4-a716-446655440000/messages/find";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    [Covers("GET /automation/conversations/{conversationUuid}/messages/find", Aspect.Request | Aspect.Paging)]
    public async Task Find_messages_walks_back_with_created_to_over_three_pages_and_returns_every_message_once_newest_first(bool strictlyBefore)
    {
        var conversation = WalkMessages(25);
        var reply = Reply.Json(200, request => Answer(conversation, request, strictlyBefore)).Header("Request-Id", RequestId);
        var first = Wire.Expect(Get(FindPath).Query("per_page", "10"), reply);
        var next = Wire.Expect(
            Get(FindPath).Query("per_page", "10").QueryMatching("created_to", "an ISO 8601 timestamp", text => Iso8601.TryParse(text, out _)),
            reply);

        var pages = await Wire.CallAsync(
            async ct =>
            {
                var read = new List<Page<AssistLoopMessage>>();
                await foreach (var page in Client().ListMessagesAsync(ConversationUuid, perPage: 10, cancellationToken: ct).AsPages(ct))
                {
                    read.Add(page);
                }

                return read;
            },
            first,
            next,
            next);

        Assert.Equal(3, pages.Count);
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.All(pages, p => Assert.Equal(RequestId, p.Response.RequestId));
        var messages = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(conversation.Select(m => m.Id), messages.Select(m => m.Id));
        Assert.Equal(conversation.Select(m => m.At), messages.Select(m => m.CreatedAt));
        Assert.Equal(conversation.Select(m => m.Type), messages.Select(m => m.Type.Value));
    }

    /// <summary>A conversation of <paramref name="count"/> messages a minute apart, newest first, shaped like the document's two examples.</summary>
    private List<(string Id, DateTimeOffset At, string Type, JsonObject Json)> WalkMessages(int count)
    {
        var examples = JsonNode.Parse(Doc("find-messages.response.json"))!.AsArray();
        var messages = new List<(string, DateTimeOffset, string, JsonObject)>();
        for (var i = 0; i < count; i++)
        {
            var json = examples[i % 2]!.DeepClone().AsObject();
            var at = Times.NewestMessageAt.AddMinutes(-i);
            var id = $"msg_walk{i:D2}";
            json["id"] = id;
            json["uuid"] = $"660e8400-e29b-41d4-a716-4466554410{i:D2}";
            json["created_at"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            messages.Add((id, at, json["type"]!.GetValue<string>(), json));
        }

        return messages;
    }

    /// <summary>What a server following the documented filters answers: the newest per_page messages created before created_to.</summary>
    private static string Answer(List<(string Id, DateTimeOffset At, string Type, JsonObject Json)> conversation, IRequestMessage request, bool strictlyBefore)
    {
        var query = ExpectedRequest.ParsePairs(request.RawQuery?.TrimStart('?'), plusIsSpace: false);
        var perPage = int.Parse(query.Single(p => p.Name == "per_page").Value, CultureInfo.InvariantCulture);
        var cursor = query.Where(p => p.Name == "created_to").Select(p => Iso8601.At(p.Value)).Cast<DateTimeOffset?>().SingleOrDefault();
        var page = new JsonArray();
        foreach (var message in conversation.Where(m => cursor is not { } before || (strictlyBefore ? m.At < before : m.At <= before)).Take(perPage))
        {
            page.Add(message.Json.DeepClone());
        }

        return page.ToJsonString();
    }
}
