using System.Net;
using ChatApis.Http;
using ChatApis.Pagination;

namespace ChatApis.Core.Tests.Pagination;

/// <summary>An item of a newest-first timeline.</summary>
public sealed record Stamped(string Id, DateTimeOffset At);

/// <summary>How a server reads the created_to bound.</summary>
public enum BoundReading
{
    Strict,
    Inclusive,

    // Compares whole seconds: the bound's fraction is dropped before comparing (a DATETIME(0) column).
    StrictWholeSeconds,
    InclusiveWholeSeconds,
}

/// <summary>
/// An in-memory created_to/created_from endpoint over a newest-first timeline: records every request (bound,
/// size) and fails a walk that does not end, so a test never hangs.
/// </summary>
public sealed class FakeTimelineServer(IReadOnlyList<Stamped> timeline, BoundReading reading, DateTimeOffset? createdFrom = null)
{
    public List<(DateTimeOffset? Bound, int Size)> Requests { get; } = [];

    public TimeKeysetPageable<Stamped> Pageable(int pageSize, int maxPageSize, DateTimeOffset? start = null) =>
        new(Fetch, s => s.At, s => s.Id, pageSize, maxPageSize, start, createdFrom);

    private Task<ApiResponse<IReadOnlyList<Stamped>>> Fetch(DateTimeOffset? bound, int size, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Requests.Add((bound, size));
        Assert.True(Requests.Count <= 1000, "the walk does not end");
        IReadOnlyList<Stamped> page = timeline
            .Where(i => (createdFrom is not { } from || i.At > from) && (bound is not { } b || Below(i.At, b)))
            .Take(size)
            .ToList();
        return Task.FromResult(new ApiResponse<IReadOnlyList<Stamped>>(page, HttpStatusCode.OK));
    }

    private bool Below(DateTimeOffset at, DateTimeOffset bound)
    {
        var whole = new DateTimeOffset(bound.UtcTicks - (bound.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return reading switch
        {
            BoundReading.Strict => at < bound,
            BoundReading.Inclusive => at <= bound,
            BoundReading.StrictWholeSeconds => at < whole,
            _ => at <= whole,
        };
    }
}
