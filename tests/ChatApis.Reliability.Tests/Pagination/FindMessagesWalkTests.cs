using System.Globalization;
using System.Text.Json.Nodes;
using ChatApis.AssistLoop;
using ChatApis.Reliability.Tests.Lifecycle;
using ChatApis.Reliability.Tests.Support;

namespace ChatApis.Reliability.Tests.Pagination;

/// <summary>
/// AssistLoop documents <c>created_to</c> as "created before this date" without saying whether an item
/// exactly at the date is included. ListMessagesAsync must yield every message exactly once against a
/// server that reads it strictly and one that reads it inclusively, with many messages sharing a second
/// (one second holding more than a page). Before, a strict server lost the messages that shared the
/// oldest timestamp of a page but were not on it, and a full page within one second ended the walk.
/// </summary>
public class FindMessagesWalkTests
{
    private const string Conversation = "550e8400-e29b-41d4-a716-446655440000";

    private static readonly DateTimeOffset T0 = new(2025, 1, 20, 16, 0, 0, TimeSpan.Zero);

    // 47 messages in runs that share a second, newest first; one run (12) is longer than a page of 10.
    private static readonly int[] Runs = [1, 3, 2, 5, 1, 4, 6, 2, 12, 3, 7, 1];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_message_comes_exactly_once_under_either_reading_of_created_to(bool strict)
    {
        var messages = Timeline();
        await using var server = Server(messages, strict);
        using var client = Client(server);

        var seen = new List<AssistLoopMessage>();
        await foreach (var message in client.ListMessagesAsync(Conversation, perPage: 10, cancellationToken: Ct).WithCancellation(Ct))
        {
            seen.Add(message);
            Assert.True(seen.Count <= 47, "more messages than the conversation holds");
        }

        Assert.Equal(messages.Select(m => m.Id).Order(StringComparer.Ordinal), seen.Select(m => m.Id!).Order(StringComparer.Ordinal));
        Assert.Equal(seen.Select(m => m.CreatedAt).OrderByDescending(at => at), seen.Select(m => m.CreatedAt));
        Assert.All(seen, m => Assert.Equal(messages.Single(x => x.Id == m.Id).At, m.CreatedAt));

        var requests = server.Requests;
        Assert.All(requests, r => Assert.Equal($"/api/v1/automation/conversations/{Conversation}/messages/find", r.Path));
        Assert.False(requests[0].Query.ContainsKey("created_to"));
        Assert.All(requests, r => Assert.Contains(r.Query["per_page"], new[] { "10", "100" }));
        Assert.Contains(requests, r => r.Query["per_page"] == "100");
        Assert.True(requests.Count <= 20, $"{requests.Count} requests for 47 messages");

        // Each bound is a whole second (strict and unknown servers) or 1 µs before one (inclusive ones).
        Assert.All(requests.Skip(1), r => Assert.Matches(@"^2025-01-20T(15:5\d|16:00):\d\d(\.999999)?Z$", r.Query["created_to"]));
        TestContext.Current.SendDiagnosticMessage($"strict={strict}: " + string.Join(" | ", requests.Select(r => r.Target[(r.Target.IndexOf('?', StringComparison.Ordinal) + 1)..])));
        Counts.Add("pagination: messages walked under a strict or inclusive created_to", seen.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_window_given_by_the_caller_is_walked_whole_and_never_left(bool strict)
    {
        var messages = Timeline();
        await using var server = Server(messages, strict);
        using var client = Client(server);
        var from = T0.AddSeconds(-28).AddMilliseconds(500);
        var to = T0.AddSeconds(-3).AddMilliseconds(500);
        var expected = messages.Where(m => m.At > from && (strict ? m.At < to : m.At <= to)).Select(m => m.Id).ToList();

        var seen = new List<string>();
        await foreach (var message in client.ListMessagesAsync(Conversation, from, to, perPage: 10, cancellationToken: Ct).WithCancellation(Ct))
        {
            seen.Add(message.Id!);
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(server.Requests, r =>
        {
            Assert.Equal("2025-01-20T15:59:32.5Z", r.Query["created_from"]);
            Assert.True(DateTimeOffset.Parse(r.Query["created_to"], CultureInfo.InvariantCulture) <= to, $"created_to {r.Query["created_to"]} is past the caller's {to:O}");
        });
    }

    private static List<(string Id, DateTimeOffset At)> Timeline()
    {
        var messages = new List<(string Id, DateTimeOffset At)>();
        var second = 0;
        foreach (var run in Runs)
        {
            for (var i = 0; i < run; i++)
            {
                // Whole seconds as AssistLoop shows them (.000000), a few a quarter second in.
                var at = T0.AddSeconds(second).AddMilliseconds(run > 3 && i % 4 == 3 ? 250 : 0);
                messages.Add(($"msg_{messages.Count:00}", at));
            }

            second -= run % 2 == 0 ? 1 : 3;
        }

        return [.. messages.OrderByDescending(m => m.At).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    private static LoopbackHttpServer Server(List<(string Id, DateTimeOffset At)> messages, bool strict) => new((request, _) =>
    {
        var query = request.Query;
        var to = query.TryGetValue("created_to", out var t) ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture) : DateTimeOffset.MaxValue;
        var from = query.TryGetValue("created_from", out var f) ? DateTimeOffset.Parse(f, CultureInfo.InvariantCulture) : DateTimeOffset.MinValue;
        var perPage = int.Parse(query["per_page"], CultureInfo.InvariantCulture);
        var page = new JsonArray();
        foreach (var (id, at) in messages.Where(m => m.At > from && (strict ? m.At < to : m.At <= to)).Take(perPage))
        {
            page.Add(new JsonObject
            {
                ["id"] = id,
                ["uuid"] = Guid.NewGuid().ToString(),
                ["content"] = "text of " + id,
                ["type"] = "guest",
                ["via"] = "web",
                ["created_at"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                ["attachments"] = new JsonArray(),
            });
        }

        return Task.FromResult((200, page.ToJsonString()));
    });

    private static AssistLoopClient Client(LoopbackHttpServer server) => new(new AssistLoopClientOptions
    {
        BaseAddress = new Uri(server.BaseAddress, "api/v1/"),
        ClientId = "client-id",
        ClientSecret = "client-secret-walk",
        AccessToken = "access-token-walk",
        MaxRetries = 0,
        EnableRateLimiting = false,
    });
}
