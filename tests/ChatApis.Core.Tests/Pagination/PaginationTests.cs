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
            (page, ct) => pipeline.ListItemsAsync(page, perPage, zeroBased, ct),
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
            (cursor, ct) => pipeline.GetTimelineAsync(5, cursor, ct),
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

    [Theory]
    [InlineData(false, new[] { "?per_page=5", "?per_page=5&created_to=2025-01-20T16%3A00%3A00Z", "?per_page=5&created_to=2025-01-20T15%3A59%3A59.999999Z" })]
    [InlineData(true, new[] { "?per_page=5", "?per_page=5&created_to=2025-01-20T16%3A00%3A00Z" })]
    public async Task A_time_keyset_stops_when_a_page_brings_nothing_new(bool strict, string[] queries)
    {
        // A full page within one second: the walk must look past that second (before it for a strict
        // server, before it minus 1 µs for an inclusive one, which answers the same page again first), and
        // stops when nothing older comes back.
        Sim.StrictCreatedTo = strict;
        var at = new DateTimeOffset(2025, 1, 20, 16, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            Sim.Timeline.Add(($"same{i}", at));
        }

        var pipeline = TestVendor.Pipeline(Sim);
        var pageable = new TimeKeysetPageable<TimelineItem>(
            (cursor, ct) => pipeline.GetTimelineAsync(5, cursor, ct),
            item => item.CreatedAt,
            item => item.Id,
            pageSize: 5);

        var ids = await pageable.Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["same0", "same1", "same2", "same3", "same4"], ids);
        Assert.Equal(queries, Sim.Journal.Requests.Select(r => r.QueryString));
    }

    [Theory]
    [InlineData(false, 5, 20)]
    [InlineData(true, 5, 20)]
    [InlineData(false, 10, 10)]
    [InlineData(true, 10, 10)]
    [InlineData(false, 3, 3)]
    [InlineData(true, 3, 3)]
    public async Task A_time_keyset_yields_every_item_once_whether_the_bound_is_strict_or_inclusive(bool strict, int pageSize, int maxPageSize)
    {
        Sim.StrictCreatedTo = strict;
        var expected = SeedCrowdedTimeline(maxRun: maxPageSize);

        var ids = await Timeline(pageSize, maxPageSize).Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(expected.Count, ids.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        var times = ids.Select(id => Sim.Timeline.Single(t => t.Id == id).CreatedAt).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.True(Sim.Journal.Count <= expected.Count, $"{Sim.Journal.Count} requests for {expected.Count} items");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_second_holding_more_items_than_the_largest_page_does_not_stop_the_walk(bool strict)
    {
        // 25 items in one second and a largest page of 10: the API cannot return 15 of them (it has no other
        // cursor), but the walk must still reach every older item, once, and end.
        Sim.StrictCreatedTo = strict;
        var crowded = new DateTimeOffset(2025, 1, 20, 16, 0, 30, TimeSpan.Zero);
        for (var i = 0; i < 3; i++)
        {
            Sim.Timeline.Add(($"new{i}", crowded.AddSeconds(5 - i)));
        }

        for (var i = 0; i < 25; i++)
        {
            Sim.Timeline.Add(($"crowd{i:00}", crowded));
        }

        for (var i = 0; i < 7; i++)
        {
            Sim.Timeline.Add(($"old{i}", crowded.AddSeconds(-1 - i).AddMilliseconds(250)));
        }

        var ids = await Timeline(pageSize: 4, maxPageSize: 10).Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(["new0", "new1", "new2"], ids.Take(3));
        Assert.Equal(10, ids.Count(id => id.StartsWith("crowd", StringComparison.Ordinal)));
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"old{i}"), ids.Where(id => id.StartsWith("old", StringComparison.Ordinal)));
        Assert.True(Sim.Journal.Count <= 12, $"{Sim.Journal.Count} requests");
    }

    [Fact]
    public async Task A_time_keyset_never_asks_past_the_callers_own_created_to()
    {
        Sim.StrictCreatedTo = true;
        var t0 = new DateTimeOffset(2025, 1, 20, 16, 0, 0, TimeSpan.Zero);
        for (var i = 9; i >= 0; i--)
        {
            Sim.Timeline.Add(($"m{i}", t0.AddSeconds(i).AddMilliseconds(500)));
        }

        // created_to inside a second: the next bound (that second + 1 s) would pass it, so it is capped.
        var start = t0.AddSeconds(8).AddMilliseconds(700);
        var ids = await Timeline(pageSize: 3, maxPageSize: 3, start: start).Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["m8", "m7", "m6", "m5", "m4", "m3", "m2", "m1", "m0"], ids);
        var bounds = Sim.Journal.Requests.Select(r => DateTimeOffset.Parse(r.Query["created_to"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([start, t0.AddSeconds(7), t0.AddSeconds(5), t0.AddSeconds(3), t0.AddSeconds(1)], bounds);
    }

    [Fact]
    public async Task A_bound_at_or_below_the_callers_created_from_ends_the_walk()
    {
        // A full page within one second just after created_from: looking before that second would ask for
        // created_to < created_from, where nothing can be.
        var t0 = new DateTimeOffset(2025, 1, 20, 16, 0, 4, TimeSpan.Zero);
        Sim.Timeline.Add(("a", t0.AddMilliseconds(600)));
        Sim.Timeline.Add(("b", t0.AddMilliseconds(500)));

        var ids = await Timeline(pageSize: 2, maxPageSize: 2, after: t0.AddMilliseconds(200)).Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b"], ids);
        Assert.Equal(["?per_page=2"], Sim.Journal.Requests.Select(r => r.QueryString));
    }

    private TimeKeysetPageable<TimelineItem> Timeline(int pageSize, int maxPageSize, DateTimeOffset? start = null, DateTimeOffset? after = null)
    {
        var pipeline = TestVendor.Pipeline(Sim);
        return new TimeKeysetPageable<TimelineItem>(
            (cursor, size, ct) => pipeline.GetTimelineAsync(size, cursor, ct),
            item => item.CreatedAt,
            item => item.Id,
            pageSize,
            maxPageSize,
            start,
            after);
    }

    // 47 items, newest first: runs of up to `maxRun` items sharing a whole second (no more than the largest
    // page: a second holding more cannot be read whole through this API), every third second's items a few
    // microseconds apart and the others all at .000, so page boundaries fall inside seconds again and again.
    private List<string> SeedCrowdedTimeline(int maxRun)
    {
        var t0 = new DateTimeOffset(2025, 1, 20, 16, 0, 0, TimeSpan.Zero);
        int[] runs = [1, 3, 9, 9, 2, 4, 1, 6, 9, 2, 3, 5, 1, 9];
        var ids = new List<string>();
        var second = 100;
        foreach (var run in runs)
        {
            for (var i = 0; i < Math.Min(run, maxRun) && ids.Count < 47; i++)
            {
                var at = t0.AddSeconds(second);
                if (second % 3 == 0)
                {
                    at = at.AddTicks(10 * (run - i));
                }

                Sim.Timeline.Add(($"s{second}-{i}", at));
                ids.Add($"s{second}-{i}");
            }

            // Mostly adjacent seconds (where an inclusive bound overlaps the next second), some gaps.
            second -= second % 4 == 0 ? 2 : 1;
        }

        while (ids.Count < 47)
        {
            var id = $"tail{ids.Count}";
            Sim.Timeline.Add((id, t0.AddSeconds(second--)));
            ids.Add(id);
        }

        return ids;
    }
}
