using System.Net;
using ChatApis.Http;
using ChatApis.Pagination;

namespace ChatApis.Core.Tests.Pagination;

/// <summary>
/// The time keyset walk against an in-memory server on many seeded random timelines: whatever the reading
/// of the bound (strict, inclusive, inclusive at whole seconds), the timestamp precision and the page
/// sizes, every item comes exactly once, newest first, as long as no second holds more items than the
/// largest page (beyond that the API itself cannot serve them; then the walk still ends, without
/// duplicates, having served every other second whole). Not covered: a server that stores fractions of a
/// second but drops the bound's fraction and compares inclusively (once a server shows it is inclusive the
/// walk bounds pages 1 µs before the next second, which such a server would read as the second before).
/// </summary>
public class TimeKeysetPropertyTests
{
    public enum Reading
    {
        Strict,
        Inclusive,

        // Compares whole seconds: the bound's fraction is dropped before comparing (a DATETIME(0) column).
        StrictWholeSeconds,
        InclusiveWholeSeconds,
    }

    public static TheoryData<Reading, int> Cases()
    {
        var data = new TheoryData<Reading, int>();
        foreach (var reading in Enum.GetValues<Reading>())
        {
            for (var seed = 0; seed < 60; seed++)
            {
                data.Add(reading, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_item_comes_exactly_once(Reading reading, int seed)
    {
        var (timeline, pageSize, maxPageSize) = Timeline(reading, seed, crowded: false);

        var (seen, requests) = await WalkAsync(timeline, reading, pageSize, maxPageSize);

        Assert.Equal(timeline.Select(i => i.Id).Order(StringComparer.Ordinal), seen.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Equal(seen.Select(i => i.At).OrderByDescending(at => at), seen.Select(i => i.At));
        Assert.True(requests <= 47 * 2, $"{requests} requests for 47 items (page {pageSize}, largest {maxPageSize})");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Seconds_more_crowded_than_the_largest_page_cost_only_their_own_overflow(Reading reading, int seed)
    {
        var (timeline, pageSize, maxPageSize) = Timeline(reading, seed, crowded: true);

        var (seen, requests) = await WalkAsync(timeline, reading, pageSize, maxPageSize);

        Assert.Equal(seen.Count, seen.Select(i => i.Id).Distinct().Count());
        Assert.Equal(seen.Select(i => i.At).OrderByDescending(at => at), seen.Select(i => i.At));
        var crowdedSeconds = timeline.GroupBy(i => Whole(i.At)).Where(g => g.Count() > maxPageSize).Select(g => g.Key).ToHashSet();
        Assert.Equal(
            timeline.Where(i => !crowdedSeconds.Contains(Whole(i.At))).Select(i => i.Id).Order(StringComparer.Ordinal),
            seen.Where(i => !crowdedSeconds.Contains(Whole(i.At))).Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.True(requests <= 47 * 2, $"{requests} requests for 47 items (page {pageSize}, largest {maxPageSize})");
    }

    // 47 items, newest first, in runs sharing a whole second: at most the largest page per second, or up
    // to three times that when `crowded`.
    private static (List<(string Id, DateTimeOffset At)> Timeline, int PageSize, int MaxPageSize) Timeline(Reading reading, int seed, bool crowded)
    {
        var random = new Random(seed);
        var pageSize = random.Next(1, 8);
        var maxPageSize = random.Next(0, 2) == 0 ? pageSize : pageSize + random.Next(1, 10);

        // A server that compares whole seconds stores whole seconds (the column's precision decides both).
        var fractions = reading is Reading.Strict or Reading.Inclusive && random.Next(0, 2) == 0;
        var t0 = new DateTimeOffset(2025, 1, 20, 16, 0, 0, TimeSpan.Zero);
        var items = new List<(string Id, DateTimeOffset At)>();
        var second = 0;
        while (items.Count < 47)
        {
            var run = Math.Min(random.Next(1, (crowded ? 3 * maxPageSize : maxPageSize) + 1), 47 - items.Count);
            for (var i = 0; i < run; i++)
            {
                var at = t0.AddSeconds(second);
                if (fractions && random.Next(0, 2) == 0)
                {
                    at = at.AddTicks(10 * random.Next(0, 1_000_000));
                }

                items.Add(($"i{items.Count}", at));
            }

            second -= random.Next(1, 3);
        }

        return (items.OrderByDescending(i => i.At).ToList(), pageSize, maxPageSize);
    }

    private static async Task<(List<(string Id, DateTimeOffset At)> Seen, int Requests)> WalkAsync(List<(string Id, DateTimeOffset At)> served, Reading reading, int pageSize, int maxPageSize)
    {
        var requests = 0;
        var pageable = new TimeKeysetPageable<(string Id, DateTimeOffset At)>(
            (bound, size, _) =>
            {
                requests++;
                var page = served.Where(i => bound is not { } b || Below(i.At, b, reading)).Take(size).ToList();
                return Task.FromResult(new ApiResponse<IReadOnlyList<(string Id, DateTimeOffset At)>>(page, HttpStatusCode.OK));
            },
            i => i.At,
            i => i.Id,
            pageSize,
            maxPageSize);

        var seen = new List<(string Id, DateTimeOffset At)>();
        await foreach (var item in pageable.WithCancellation(TestContext.Current.CancellationToken))
        {
            seen.Add(item);
            Assert.True(seen.Count <= served.Count, "the walk yields more items than there are");
            Assert.True(requests <= 1000, "the walk does not end");
        }

        return (seen, requests);
    }

    private static DateTimeOffset Whole(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static bool Below(DateTimeOffset at, DateTimeOffset bound, Reading reading)
    {
        var whole = Whole(bound);
        return reading switch
        {
            Reading.Strict => at < bound,
            Reading.Inclusive => at <= bound,
            Reading.StrictWholeSeconds => at < whole,
            _ => at <= whole,
        };
    }
}
