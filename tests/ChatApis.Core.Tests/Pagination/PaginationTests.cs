using ChatApis.Core.Tests.Support;
using ChatApis.Http;
using ChatApis.Pagination;

namespace ChatApis.Core.Tests.Pagination;

public class PaginationTests : SimulatorTest
{
    private NumberedPageable<Thing> Items(int perPage, int firstPage, bool zeroBased = false, CancellationToken? callToken = null)
    {
        var pipeline = TestVendor.Pipeline(Sim);
        return new NumberedPageable<Thing>(
            (page, ct) => pipeline.SendAsync(
                new ApiRequest(HttpMethod.Get, "items").AddQuery("page", page).AddQuery("per_page", perPage).AddQuery("base", zeroBased ? "0" : null),
                TestJsonContext.Default.IReadOnlyListThing,
                ct),
            firstPage,
            perPage,
            callToken ?? TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Page_numbers_walk_from_one_and_a_short_page_ends_the_walk()
    {
        Sim.TotalItems = 25;

        var pages = await Items(10, firstPage: 1).AsPages(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([1, 2, 3], pages.Select(p => p.PageNumber!.Value));
        Assert.Equal([10, 10, 5], pages.Select(p => p.Items.Count));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal(["?page=1&per_page=10", "?page=2&per_page=10", "?page=3&per_page=10"], Sim.Journal.Requests.Select(r => r.QueryString));
        Assert.All(pages, p => Assert.Equal(System.Net.HttpStatusCode.OK, p.Response.StatusCode));
    }

    [Fact]
    public async Task Items_stream_across_pages_in_order()
    {
        Sim.TotalItems = 23;

        var ids = await Items(5, firstPage: 1).Select(t => t.Id).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(0, 23).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), ids);
    }

    [Fact]
    public async Task An_exact_multiple_ends_with_one_empty_page()
    {
        Sim.TotalItems = 20;

        var pages = await Items(10, firstPage: 1).AsPages(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([10, 10, 0], pages.Select(p => p.Items.Count));
    }

    [Fact]
    public async Task Page_indexes_walk_from_zero()
    {
        Sim.TotalItems = 7;

        var ids = await Items(3, firstPage: 0, zeroBased: true).Select(t => t.Id).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["0", "1", "2", "3", "4", "5", "6"], ids);
        Assert.Equal("?page=0&per_page=3&base=0", Sim.Journal.Requests[0].QueryString);
    }

    [Fact]
    public async Task Pages_are_fetched_lazily()
    {
        Sim.TotalItems = 100;

        await foreach (var _ in Items(10, firstPage: 1).WithCancellation(TestContext.Current.CancellationToken))
        {
            break;
        }

        Assert.Equal(1, Sim.Journal.Count);
    }

    [Fact]
    public async Task The_token_of_the_creating_call_stops_the_enumeration()
    {
        Sim.TotalItems = 100;
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Items(10, firstPage: 1, callToken: cancel.Token))
            {
                if (++seen == 15)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.Equal(2, Sim.Journal.Count);
    }

    [Fact]
    public async Task A_time_keyset_walks_back_with_the_oldest_timestamp_and_drops_boundary_duplicates()
    {
        var t0 = new DateTimeOffset(2025, 1, 20, 16, 0, 0, TimeSpan.Zero);
        // 12 messages, newest first; m5, m6 and m7 share one timestamp that falls on a page boundary.
        for (var i = 11; i >= 0; i--)
        {
            var at = i is 5 or 6 or 7 ? t0.AddSeconds(5) : t0.AddSeconds(i);
            Sim.Timeline.Add(($"m{i}", at.AddTicks(i == 11 ? 10 : 0)));
        }

        var pipeline = TestVendor.Pipeline(Sim);
        var pageable = new TimeKeysetPageable<TimelineItem>(
            (cursor, ct) => pipeline.SendAsync(new ApiRequest(HttpMethod.Get, "timeline").AddQuery("per_page", 5).AddQuery("created_to", cursor), TestJsonContext.Default.IReadOnlyListTimelineItem, ct),
            item => item.CreatedAt,
            item => item.Id,
            pageSize: 5);

        var ids = await pageable.Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(12, ids.Count);
        Assert.Equal(12, ids.Distinct().Count());
        Assert.Equal("m11", ids[0]);
        Assert.Equal("m0", ids[^1]);
        Assert.DoesNotContain(Sim.Journal.Requests, r => r.Query.ContainsKey("created_to") && r.QueryString.Contains("created_to=2025-01-20T16%3A00%3A00Z", StringComparison.Ordinal) && r != Sim.Journal.Requests[^1]);
        Assert.Equal(string.Empty, Sim.Journal.Requests[0].Query.GetValueOrDefault("created_to", string.Empty));
    }

    [Fact]
    public async Task A_time_keyset_stops_when_a_page_brings_nothing_new()
    {
        var at = new DateTimeOffset(2025, 1, 20, 16, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            Sim.Timeline.Add(($"same{i}", at));
        }

        var pipeline = TestVendor.Pipeline(Sim);
        var pageable = new TimeKeysetPageable<TimelineItem>(
            (cursor, ct) => pipeline.SendAsync(new ApiRequest(HttpMethod.Get, "timeline").AddQuery("per_page", 5).AddQuery("created_to", cursor), TestJsonContext.Default.IReadOnlyListTimelineItem, ct),
            item => item.CreatedAt,
            item => item.Id,
            pageSize: 5);

        var ids = await pageable.Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(5, ids.Count);
        Assert.Equal(2, Sim.Journal.Count);
    }

    [Fact]
    public async Task FromPages_serves_mocks()
    {
        var meta = new ApiResponse(System.Net.HttpStatusCode.OK, null, null, 1, null);
        var pageable = AsyncPageable<int>.FromPages([new Page<int>([1, 2], meta, 1, true), new Page<int>([3], meta, 2, false)]);

        Assert.Equal([1, 2, 3], await pageable.ToListAsync(TestContext.Current.CancellationToken));
    }
}
