using System.Runtime.CompilerServices;
using ChatApis.Http;

namespace ChatApis.Pagination;

/// <summary>
/// Pages of items ordered newest first, walked back in time with an upper bound on the creation time
/// (AssistLoop's <c>created_to</c>, documented as "created before this date"). Nothing is lost whether the
/// server reads the bound strictly (<c>&lt;</c>) or inclusively (<c>&lt;=</c>), at any timestamp precision,
/// and nothing is yielded twice.
/// </summary>
/// <remarks>
/// <para>
/// After a page whose oldest item falls in the whole second <c>T</c>, the next page asks for items created
/// before <c>T + 1 s</c>: every item of second <c>T</c> comes back under either reading, even from a server
/// that compares whole seconds. Items already yielded come back too and are dropped by id; only the ids of
/// the last two seconds are remembered, so memory stays flat however many pages there are. Once a response
/// holds an item created exactly at the bound, the server reads it inclusively, and the bound becomes
/// <c>T + 1 s - 1 µs</c>, so that items of the next second at <c>.000</c> cannot crowd second <c>T</c> out.
/// </para>
/// <para>
/// When that request cannot move the walk (a full page lies within one second), the walk climbs a short
/// ladder for that second: the same bound with the largest page size (to get every item of a crowded
/// second), then items before <c>T</c> (a strict server skips the second), then before <c>T - 1 µs</c> (an
/// inclusive one does). Only when more items share one second than the largest page holds can the API not
/// return the rest of that second; the walk then goes on with the older items. A short page, an exhausted
/// ladder, or a bound at or below <c>after</c> ends the walk.
/// </para>
/// <para>
/// Every page but the last hands out a <see cref="Page{T}.ContinuationToken"/> holding all the walk carries to
/// the next page: the next bound and page size, the ladder's state for the current second, and the ids already
/// yielded in that second and the one after (the items a later page can bring back, so items sharing the
/// bound's timestamp are neither repeated nor skipped). <see cref="AsyncPageable{T}.AsPages(string?, CancellationToken)"/>
/// on a pageable with the same page sizes and the same <c>start</c> and <c>after</c> goes on exactly as the
/// first walk would have; a token issued under other settings is refused. The token grows with the number
/// of items in those two seconds (and with items that have no timestamp, which are never forgotten).
/// </para>
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
public sealed class TimeKeysetPageable<T> : AsyncPageable<T>
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan OneMicrosecond = TimeSpan.FromTicks(10);

    private readonly Func<DateTimeOffset?, int, CancellationToken, Task<ApiResponse<IReadOnlyList<T>>>> _fetch;
    private readonly Func<T, DateTimeOffset?> _timestampOf;
    private readonly Func<T, string?> _idOf;
    private readonly int _pageSize;
    private readonly int _maxPageSize;
    private readonly DateTimeOffset? _start;
    private readonly DateTimeOffset? _after;

    /// <summary>Creates a pageable whose requests all use one page size.</summary>
    /// <param name="fetch">Fetches the newest items created before the bound (<c>null</c>: the newest of all).</param>
    /// <param name="timestampOf">An item's creation time.</param>
    /// <param name="idOf">An item's unique id.</param>
    /// <param name="pageSize">The requested page size.</param>
    /// <param name="start">The bound of the first page (the caller's own created_to), if any.</param>
    /// <param name="callCancellationToken">The token of the method that created the pageable.</param>
    public TimeKeysetPageable(Func<DateTimeOffset?, CancellationToken, Task<ApiResponse<IReadOnlyList<T>>>> fetch, Func<T, DateTimeOffset?> timestampOf, Func<T, string?> idOf, int pageSize, DateTimeOffset? start = null, CancellationToken callCancellationToken = default)
        : this(Fixed(fetch), timestampOf, idOf, pageSize, pageSize, start, null, callCancellationToken)
    {
    }

    /// <summary>Creates a pageable that may ask for up to <paramref name="maxPageSize"/> items to get through a crowded second.</summary>
    /// <param name="fetch">Fetches up to the given number of the newest items created before the bound (<c>null</c>: the newest of all).</param>
    /// <param name="timestampOf">An item's creation time.</param>
    /// <param name="idOf">An item's unique id.</param>
    /// <param name="pageSize">The requested page size.</param>
    /// <param name="maxPageSize">The largest page size the API accepts (at least <paramref name="pageSize"/>).</param>
    /// <param name="start">The bound of the first page (the caller's own created_to), if any; no later bound exceeds it.</param>
    /// <param name="after">The lower bound of the walk (the caller's own created_from), if any: a bound at or below it ends the walk.</param>
    /// <param name="callCancellationToken">The token of the method that created the pageable.</param>
    public TimeKeysetPageable(Func<DateTimeOffset?, int, CancellationToken, Task<ApiResponse<IReadOnlyList<T>>>> fetch, Func<T, DateTimeOffset?> timestampOf, Func<T, string?> idOf, int pageSize, int maxPageSize, DateTimeOffset? start = null, DateTimeOffset? after = null, CancellationToken callCancellationToken = default)
        : base(callCancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(timestampOf);
        ArgumentNullException.ThrowIfNull(idOf);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPageSize, pageSize);
        _fetch = fetch;
        _timestampOf = timestampOf;
        _idOf = idOf;
        _pageSize = pageSize;
        _maxPageSize = maxPageSize;
        _start = start;
        _after = after;
    }

    private TimeKeysetSettings Settings => new(_pageSize, _maxPageSize, _start, _after);

    /// <inheritdoc />
    public override IAsyncEnumerable<Page<T>> AsPages(CancellationToken cancellationToken = default) => AsPages(null, cancellationToken);

    /// <inheritdoc />
    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken, CancellationToken cancellationToken = default)
    {
        // The token is read here, not only in the iterator, so a bad one fails at the AsPages call, before any
        // request; the iterator reads it again so that each enumeration walks its own copy of the state.
        if (continuationToken is not null)
        {
            _ = TimeKeysetContinuation.Restore(continuationToken, Settings);
        }

        return Walk(continuationToken, cancellationToken);
    }

    private async IAsyncEnumerable<Page<T>> Walk(string? continuationToken, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        cancellationToken = EffectiveToken(cancellationToken, out var linked);
        using var _ = linked;
        var walk = continuationToken is null ? new TimeKeysetWalk(new TimeKeysetRequest(_start, _pageSize)) : TimeKeysetContinuation.Restore(continuationToken, Settings);
        var yielded = walk.Seen;
        while (true)
        {
            var request = walk.Request;
            var response = await _fetch(request.Bound, request.Size, cancellationToken).ConfigureAwait(false);
            var raw = response.Value;
            var fresh = new List<T>(raw.Count);
            DateTimeOffset? oldest = null, newest = null;
            var atBound = false;
            foreach (var item in raw)
            {
                var at = _timestampOf(item);
                if (at is { } t)
                {
                    oldest = oldest is null || t < oldest ? t : oldest;
                    newest = newest is null || t > newest ? t : newest;
                    atBound |= t == request.Bound;
                }

                if (_idOf(item) is not { } id || yielded.TryAdd(id, at))
                {
                    fresh.Add(item);
                }
            }

            // An item created exactly at the bound proves the server reads it inclusively.
            if (atBound && !walk.Inclusive)
            {
                walk.Inclusive = true;
                walk.Restart = true;
            }

            var next = raw.Count >= request.Size && oldest is { } o && newest is { } n ? Next(request, walk, Second(o), n) : null;
            string? token = null;
            if (next is { } following)
            {
                Forget(yielded, walk.Second!.Value);
                walk.Request = following;
                token = TimeKeysetContinuation.Capture(walk, Settings);
            }

            yield return new Page<T>(fresh, response, null, next is not null, token);
            if (next is null)
            {
                yield break;
            }
        }
    }

    // The request after a full page whose oldest item is in the whole second `second`, or null when the
    // walk is over. Each call either moves the walk to an older second or climbs one rung for this one
    // (the rungs restart once, when the server turns out to read the bound inclusively), so a server
    // that ignores the bound cannot keep the walk going.
    private TimeKeysetRequest? Next(TimeKeysetRequest last, TimeKeysetWalk walk, DateTimeOffset second, DateTimeOffset newest)
    {
        if (walk.Second is not { } current || second < current)
        {
            walk.Second = second;
            walk.Rung = 0;
            walk.Asked.Clear();
        }
        else if (walk.Restart)
        {
            walk.Rung = 0;
        }
        else
        {
            walk.Rung++;
        }

        walk.Restart = false;
        walk.Asked.Add((last, newest));

        // The rungs for the second the walk has reached (a page that came back newer does not move it):
        // everything through that second, the same with the largest page, then everything before it for a
        // strict server and for an inclusive one. "Through" is before the next second for a strict (or not
        // yet known) server, and up to 1 µs before it for an inclusive one, so the next second's items at
        // .000 cannot crowd this second's out of the page.
        var boundary = walk.Second.Value;
        var through = Cap(walk.Inclusive ? boundary + OneSecond - OneMicrosecond : boundary + OneSecond);
        for (; walk.Rung <= 3; walk.Rung++)
        {
            TimeKeysetRequest? candidate = walk.Rung switch
            {
                0 => new TimeKeysetRequest(through, _pageSize),
                1 => _maxPageSize > _pageSize ? new TimeKeysetRequest(through, _maxPageSize) : null,
                2 => walk.Inclusive ? null : new TimeKeysetRequest(boundary, _pageSize),
                _ => new TimeKeysetRequest(boundary - OneMicrosecond, _pageSize),
            };
            if (candidate is { } c && !walk.Asked.Exists(asked => SameAnswer(asked.Request, c, asked.Newest)))
            {
                return c.Bound <= _after ? null : c;
            }
        }

        return null;
    }

    private DateTimeOffset Cap(DateTimeOffset bound) => _start is { } start && start < bound ? start : bound;

    // Whether `next` would bring back exactly the page an earlier request brought: the same size, and the
    // same bound, or a bound at or below the earlier one that still lies above every item of its page (that
    // page was the newest items below the earlier bound, so it is also the newest below this one, under
    // either reading).
    private static bool SameAnswer(TimeKeysetRequest last, TimeKeysetRequest next, DateTimeOffset newest) =>
        last.Size == next.Size
        && (last.Bound == next.Bound || ((last.Bound is null || next.Bound <= last.Bound) && newest < next.Bound));

    // Only items of `second` and the second after it can come back (no later bound exceeds second + 1 s).
    private static void Forget(Dictionary<string, DateTimeOffset?> yielded, DateTimeOffset second)
    {
        var horizon = second + OneSecond;
        foreach (var (id, at) in yielded)
        {
            if (at > horizon)
            {
                yielded.Remove(id);
            }
        }
    }

    private static DateTimeOffset Second(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static Func<DateTimeOffset?, int, CancellationToken, Task<ApiResponse<IReadOnlyList<T>>>> Fixed(Func<DateTimeOffset?, CancellationToken, Task<ApiResponse<IReadOnlyList<T>>>> fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        return (bound, _, ct) => fetch(bound, ct);
    }
}
