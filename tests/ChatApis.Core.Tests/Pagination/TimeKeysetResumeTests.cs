using ChatApis.Pagination;

namespace ChatApis.Core.Tests.Pagination;

/// <summary>
/// Resuming AssistLoop's time keyset walk (created_to bound, newest first) from the token of any page, in a
/// new pageable: the rest of the walk is exactly what the uninterrupted walk yielded and asked for, items
/// sharing the bound's timestamp included.
/// </summary>
public class TimeKeysetResumeTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 20, 16, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<BoundReading, int> Cases()
    {
        var data = new TheoryData<BoundReading, int>();
        foreach (var reading in Enum.GetValues<BoundReading>())
        {
            for (var seed = 0; seed < 25; seed++)
            {
                data.Add(reading, seed);
            }
        }

        return data;
    }

    [Theory]
    [InlineData(BoundReading.Strict)]
    [InlineData(BoundReading.Inclusive)]
    [InlineData(BoundReading.StrictWholeSeconds)]
    [InlineData(BoundReading.InclusiveWholeSeconds)]
    public async Task Items_sharing_a_timestamp_across_the_resume_point_come_once(BoundReading reading)
    {
        // Pages of 3; d, e, f and g share 8 s, and the first page ends with d: the token is taken in the
        // middle of the tie, and the resumed walk must still give e, f, g once, then the older items.
        List<Stamped> timeline =
        [
            new("a", T0.AddSeconds(10)),
            new("b", T0.AddSeconds(9)),
            new("d", T0.AddSeconds(8)),
            new("e", T0.AddSeconds(8)),
            new("f", T0.AddSeconds(8)),
            new("g", T0.AddSeconds(8)),
            new("h", T0.AddSeconds(7)),
            new("i", T0.AddSeconds(6)),
        ];
        var first = new FakeTimelineServer(timeline, reading);
        var firstPage = await first.Pageable(pageSize: 3, maxPageSize: 10).AsPages(Ct).FirstAsync(Ct);
        Assert.Equal(["a", "b", "d"], firstPage.Items.Select(i => i.Id));
        Assert.True(firstPage.HasMore);

        var second = new FakeTimelineServer(timeline, reading);
        var rest = await second.Pageable(pageSize: 3, maxPageSize: 10).AsPages(firstPage.ContinuationToken, Ct).ToListAsync(Ct);

        Assert.Equal(["e", "f", "g", "h", "i"], rest.SelectMany(p => p.Items).Select(i => i.Id));
        Assert.Null(rest[^1].ContinuationToken);

        // The resumed walk's first request is the one the first walk would have made next (everything
        // created before the second after the tie's), and the rest follows as in the uninterrupted walk.
        Assert.Equal(((DateTimeOffset?)T0.AddSeconds(9), 3), second.Requests[0]);
        var uninterrupted = new FakeTimelineServer(timeline, reading);
        await uninterrupted.Pageable(pageSize: 3, maxPageSize: 10).AsPages(Ct).ToListAsync(Ct);
        Assert.Equal(uninterrupted.Requests.Skip(1), second.Requests);
    }

    [Theory]
    [InlineData(BoundReading.Strict)]
    [InlineData(BoundReading.Inclusive)]
    public async Task A_tie_at_the_exact_bound_of_an_inclusive_walk_resumes_without_repeats(BoundReading reading)
    {
        // Whole-second timestamps: every bound the walk asks for is itself the timestamp of items, which an
        // inclusive server sends again with the next page (the walk learns it reads the bound inclusively
        // there). Each token must carry that lesson and the ids already yielded at the bound.
        List<Stamped> timeline =
        [
            new("a", T0.AddSeconds(10)),
            new("b", T0.AddSeconds(8)),
            new("c1", T0.AddSeconds(9)),
            new("c2", T0.AddSeconds(9)),
            new("c3", T0.AddSeconds(9)),
            new("d1", T0.AddSeconds(8)),
            new("d2", T0.AddSeconds(8)),
            new("e", T0.AddSeconds(7)),
            new("f", T0.AddSeconds(5)),
        ];
        timeline = [.. timeline.OrderByDescending(i => i.At)];
        var full = await WalkAsync(new FakeTimelineServer(timeline, reading), pageSize: 2, maxPageSize: 3);
        Assert.Equal(timeline.Select(i => i.Id).Order(StringComparer.Ordinal), full.Ids.Order(StringComparer.Ordinal));
        Assert.True(full.Pages.Count >= 5, $"{full.Pages.Count} pages");

        for (var k = 0; k < full.Pages.Count - 1; k++)
        {
            await AssertResumesExactlyAsync(timeline, reading, full, k, pageSize: 2, maxPageSize: 3, start: null);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Resuming_after_any_page_continues_the_walk_exactly(BoundReading reading, int seed)
    {
        var random = new Random(seed);
        var pageSize = random.Next(1, 6);
        var maxPageSize = random.Next(0, 2) == 0 ? pageSize : pageSize + random.Next(1, 6);

        // Some seeds run with the caller's own created_to and created_from, as AssistLoop's walk can.
        DateTimeOffset? start = seed % 3 == 0 ? T0.AddSeconds(-3).AddMilliseconds(400) : null;
        DateTimeOffset? after = seed % 3 == 0 ? T0.AddSeconds(-60) : null;
        var timeline = Timeline(random, reading, crowdedUpTo: seed % 4 == 0 ? 3 * maxPageSize : maxPageSize);
        var full = await WalkAsync(new FakeTimelineServer(timeline, reading, after), pageSize, maxPageSize, start);
        Assert.Equal(full.Ids.Count, full.Ids.Distinct().Count());

        for (var k = 0; k < full.Pages.Count - 1; k++)
        {
            await AssertResumesExactlyAsync(timeline, reading, full, k, pageSize, maxPageSize, start, after);
        }
    }

    [Fact]
    public async Task A_walk_resumed_twice_still_matches_the_uninterrupted_walk()
    {
        var timeline = Timeline(new Random(7), BoundReading.Inclusive, crowdedUpTo: 4);
        var full = await WalkAsync(new FakeTimelineServer(timeline, BoundReading.Inclusive), pageSize: 2, maxPageSize: 4);
        Assert.True(full.Pages.Count > 6, $"{full.Pages.Count} pages");

        var server = new FakeTimelineServer(timeline, BoundReading.Inclusive);
        var ids = full.Pages.Take(2).SelectMany(p => p.Items).Select(i => i.Id).ToList();
        var token = full.Pages[1].ContinuationToken;
        var taken = 0;
        while (token is not null)
        {
            // Take two pages, then put the walk down and pick it up in a new pageable.
            var pages = await server.Pageable(2, 4).AsPages(token, Ct).Take(2).ToListAsync(Ct);
            ids.AddRange(pages.SelectMany(p => p.Items).Select(i => i.Id));
            token = pages[^1].ContinuationToken;
            Assert.True(++taken < 100, "the resumed walk does not end");
        }

        Assert.Equal(full.Ids, ids);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Enumerating_the_same_pages_twice_walks_twice_from_the_same_place(bool resumed)
    {
        var timeline = Timeline(new Random(3), BoundReading.Inclusive, crowdedUpTo: 3);
        var full = await WalkAsync(new FakeTimelineServer(timeline, BoundReading.Inclusive), pageSize: 2, maxPageSize: 3);
        var server = new FakeTimelineServer(timeline, BoundReading.Inclusive);
        var pages = server.Pageable(2, 3).AsPages(resumed ? full.Pages[2].ContinuationToken : null, Ct);

        var once = await pages.SelectMany(p => p.Items.ToAsyncEnumerable()).Select(i => i.Id).ToListAsync(Ct);
        var twice = await pages.SelectMany(p => p.Items.ToAsyncEnumerable()).Select(i => i.Id).ToListAsync(Ct);

        Assert.Equal(resumed ? full.Ids.Skip(full.Pages.Take(3).Sum(p => p.Items.Count)) : full.Ids, once);
        Assert.Equal(once, twice);
    }

    private static async Task AssertResumesExactlyAsync(List<Stamped> timeline, BoundReading reading, Walked full, int k, int pageSize, int maxPageSize, DateTimeOffset? start, DateTimeOffset? after = null)
    {
        var token = full.Pages[k].ContinuationToken;
        Assert.NotNull(token);
        var server = new FakeTimelineServer(timeline, reading, after);

        var resumed = await server.Pageable(pageSize, maxPageSize, start).AsPages(token, Ct).ToListAsync(Ct);

        var ids = full.Pages.Take(k + 1).Concat(resumed).SelectMany(p => p.Items).Select(i => i.Id).ToList();
        Assert.Equal(full.Ids, ids);
        Assert.Equal(full.Requests.Skip(k + 1), server.Requests);
        Assert.Equal(full.Pages.Skip(k + 1).Select(p => p.ContinuationToken), resumed.Select(p => p.ContinuationToken));
        Assert.Null(resumed[^1].ContinuationToken);
    }

    private static async Task<Walked> WalkAsync(FakeTimelineServer server, int pageSize, int maxPageSize, DateTimeOffset? start = null)
    {
        var pages = await server.Pageable(pageSize, maxPageSize, start).AsPages(Ct).ToListAsync(Ct);
        Assert.All(pages[..^1], p => Assert.NotNull(p.ContinuationToken));
        Assert.Null(pages[^1].ContinuationToken);
        return new Walked(pages, pages.SelectMany(p => p.Items).Select(i => i.Id).ToList(), [.. server.Requests]);
    }

    // 40 items newest first, in runs sharing one whole second (up to `crowdedUpTo` per second), with
    // fractions of a second on some items when the server keeps them.
    private static List<Stamped> Timeline(Random random, BoundReading reading, int crowdedUpTo)
    {
        var fractions = reading is BoundReading.Strict or BoundReading.Inclusive && random.Next(0, 2) == 0;
        var items = new List<Stamped>();
        var second = 0;
        while (items.Count < 40)
        {
            var run = Math.Min(random.Next(1, crowdedUpTo + 1), 40 - items.Count);
            for (var i = 0; i < run; i++)
            {
                var at = T0.AddSeconds(second);
                if (fractions && random.Next(0, 2) == 0)
                {
                    at = at.AddTicks(10 * random.Next(0, 1_000_000));
                }

                items.Add(new Stamped($"i{items.Count:00}", at));
            }

            second -= random.Next(1, 3);
        }

        return [.. items.OrderByDescending(i => i.At)];
    }

    private sealed record Walked(List<Page<Stamped>> Pages, List<string> Ids, List<(DateTimeOffset? Bound, int Size)> Requests);
}
