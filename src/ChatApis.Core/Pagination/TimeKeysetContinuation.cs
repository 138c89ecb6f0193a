using System.Text.Json.Serialization;

namespace ChatApis.Pagination;

/// <summary>
/// Where a time keyset walk stands, written into its continuation token: the walk's settings (to refuse a
/// token resumed under others), the next request, the state of the ladder for the second the walk has
/// reached, and the ids already yielded that the next pages can bring back again.
/// </summary>
/// <remarks>
/// The second is in Unix seconds and every other instant of the walk in ticks (100 ns) from it, so the walk
/// resumes at the exact bound it would have asked for while the numbers stay short; ids sharing a timestamp
/// are grouped (ties at the bound are the reason they are kept at all).
/// </remarks>
internal sealed class TimeKeysetContinuation
{
    /// <summary>The page size of the walk.</summary>
    [JsonPropertyName("size")]
    [JsonRequired]
    public int PageSize { get; set; }

    /// <summary>The largest page size the walk may ask for.</summary>
    [JsonPropertyName("max")]
    [JsonRequired]
    public int MaxPageSize { get; set; }

    /// <summary>The caller's own upper bound (created_to) in UTC ticks, if any.</summary>
    [JsonPropertyName("start")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Start { get; set; }

    /// <summary>The caller's own lower bound (created_from) in UTC ticks, if any.</summary>
    [JsonPropertyName("after")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? After { get; set; }

    /// <summary>The whole second the walk has reached, in Unix seconds.</summary>
    [JsonPropertyName("sec")]
    [JsonRequired]
    public long Second { get; set; }

    /// <summary>The bound of the next request, in ticks from <see cref="Second"/>.</summary>
    [JsonPropertyName("bound")]
    [JsonRequired]
    public long Bound { get; set; }

    /// <summary>The page size of the next request.</summary>
    [JsonPropertyName("ask")]
    [JsonRequired]
    public int Size { get; set; }

    /// <summary>The rung of the ladder climbed for that second.</summary>
    [JsonPropertyName("rung")]
    [JsonRequired]
    public int Rung { get; set; }

    /// <summary>Whether the server has shown it reads the bound inclusively.</summary>
    [JsonPropertyName("incl")]
    [JsonRequired]
    public bool Inclusive { get; set; }

    /// <summary>The requests made since the walk reached that second.</summary>
    [JsonPropertyName("asked")]
    [JsonRequired]
    public List<AskedRequest> Asked { get; set; } = [];

    /// <summary>The ids already yielded that a later page can bring back (those at or near the bound), by timestamp.</summary>
    [JsonPropertyName("seen")]
    [JsonRequired]
    public List<SeenAt> Seen { get; set; } = [];

    /// <summary>Writes a walk's state after a page, when another page follows.</summary>
    /// <param name="walk">The walk, its next request already chosen.</param>
    /// <param name="settings">The pageable's settings.</param>
    /// <returns>The token.</returns>
    public static string Capture(TimeKeysetWalk walk, TimeKeysetSettings settings)
    {
        // Restart is only ever set between a page and the choice of the next request, which clears it, so
        // a captured walk never holds it.
        System.Diagnostics.Debug.Assert(!walk.Restart, "a walk is captured after its next request was chosen");
        var second = walk.Second!.Value;
        long Offset(DateTimeOffset at) => at.UtcTicks - second.UtcTicks;
        var state = new TimeKeysetContinuation
        {
            PageSize = settings.PageSize,
            MaxPageSize = settings.MaxPageSize,
            Start = settings.Start?.UtcTicks,
            After = settings.After?.UtcTicks,
            Second = second.ToUnixTimeSeconds(),
            Bound = Offset(walk.Request.Bound!.Value),
            Size = walk.Request.Size,
            Rung = walk.Rung,
            Inclusive = walk.Inclusive,
            Asked = walk.Asked.Select(a => new AskedRequest { Bound = a.Request.Bound is { } b ? Offset(b) : null, Size = a.Request.Size, Newest = Offset(a.Newest) }).ToList(),

            // In a fixed order: a dictionary's order depends on its history, and the same position should read
            // the same whether the walk got there in one go or was resumed on the way.
            Seen = walk.Seen
                .GroupBy(s => s.Value is { } at ? Offset(at) : (long?)null)
                .OrderBy(g => g.Key)
                .Select(g => new SeenAt { At = g.Key, Ids = g.Select(s => s.Key).Order(StringComparer.Ordinal).ToList() })
                .ToList(),
        };
        return ContinuationTokenCodec.Encode(ContinuationKind.TimeKeyset, state, ContinuationJsonContext.Default.TimeKeysetContinuation);
    }

    /// <summary>Reads a token back into the walk it was captured from, refusing one issued under other settings.</summary>
    /// <param name="continuationToken">The caller's token.</param>
    /// <param name="settings">The resuming pageable's settings.</param>
    /// <returns>The walk, about to make the request it would have made next.</returns>
    /// <exception cref="ArgumentException">The token is not a sound time keyset token for these settings.</exception>
    public static TimeKeysetWalk Restore(string continuationToken, TimeKeysetSettings settings)
    {
        var state = ContinuationTokenCodec.Decode(continuationToken, ContinuationKind.TimeKeyset, ContinuationJsonContext.Default.TimeKeysetContinuation);
        ContinuationTokenCodec.RequireSamePageSize(state.PageSize, settings.PageSize);
        if (state.MaxPageSize != settings.MaxPageSize)
        {
            throw ContinuationTokenCodec.Invalid($"was issued for a largest page of {state.MaxPageSize} items but this listing allows {settings.MaxPageSize}");
        }

        if (state.Start != settings.Start?.UtcTicks || state.After != settings.After?.UtcTicks)
        {
            // The bounds already asked for are capped by the caller's own window: another window is another walk.
            throw ContinuationTokenCodec.Invalid("was issued for a walk with another created_from/created_to window: resume with the arguments the walk started with");
        }

        if (state.Second < DateTimeOffset.MinValue.ToUnixTimeSeconds() || state.Second > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw Impossible();
        }

        var second = DateTimeOffset.FromUnixTimeSeconds(state.Second);
        DateTimeOffset Instant(long offset) =>
            offset >= DateTimeOffset.MinValue.UtcTicks - second.UtcTicks && offset <= DateTimeOffset.MaxValue.UtcTicks - second.UtcTicks
                ? new DateTimeOffset(second.UtcTicks + offset, TimeSpan.Zero)
                : throw Impossible();

        var bound = Instant(state.Bound);

        // Only what every walk guarantees is checked (a server that ignores the bound can put the walk's
        // second past the caller's created_to, so the bound is not compared with it).
        if ((settings.After is { } after && bound <= after)
            || (state.Size != settings.PageSize && state.Size != settings.MaxPageSize)
            || state.Rung is < 0 or > 3
            || state.Asked.Count == 0)
        {
            throw Impossible();
        }

        var walk = new TimeKeysetWalk(new TimeKeysetRequest(bound, state.Size))
        {
            Second = second,
            Rung = state.Rung,
            Inclusive = state.Inclusive,
        };
        foreach (var asked in state.Asked)
        {
            if (asked.Size < 1)
            {
                throw Impossible();
            }

            walk.Asked.Add((new TimeKeysetRequest(asked.Bound is { } b ? Instant(b) : null, asked.Size), Instant(asked.Newest)));
        }

        foreach (var group in state.Seen)
        {
            var at = group.At is { } offset ? Instant(offset) : (DateTimeOffset?)null;
            foreach (var id in group.Ids)
            {
                if (!walk.Seen.TryAdd(id, at))
                {
                    throw ContinuationTokenCodec.Invalid("lists an item id twice");
                }
            }
        }

        return walk;
    }

    private static ArgumentException Impossible() => ContinuationTokenCodec.Invalid("holds a position no time keyset walk reaches");

    /// <summary>A request made for the current second and the newest item it brought back.</summary>
    internal sealed class AskedRequest
    {
        /// <summary>The request's bound in ticks from the second, or null for the first request of an unbounded walk.</summary>
        [JsonPropertyName("b")]
        [JsonRequired]
        public long? Bound { get; set; }

        /// <summary>The request's page size.</summary>
        [JsonPropertyName("s")]
        [JsonRequired]
        public int Size { get; set; }

        /// <summary>The newest item the request brought back, in ticks from the second.</summary>
        [JsonPropertyName("n")]
        [JsonRequired]
        public long Newest { get; set; }
    }

    /// <summary>The ids already yielded that share one creation time.</summary>
    internal sealed class SeenAt
    {
        /// <summary>Their creation time in ticks from the second, or null for items without one.</summary>
        [JsonPropertyName("at")]
        [JsonRequired]
        public long? At { get; set; }

        /// <summary>Their ids.</summary>
        [JsonPropertyName("ids")]
        [JsonRequired]
        public List<string> Ids { get; set; } = [];
    }
}
