using System.Text.Json.Serialization;

namespace ChatApis.Pagination;

/// <summary>
/// Where a time keyset walk stands, written into its continuation token: the walk's settings (to refuse a
/// token resumed under others), the next request, the state of the ladder for the second the walk has
/// reached, and the ids already yielded that the next pages can bring back again. Instants are UTC ticks,
/// so the walk resumes at the exact bound it would have asked for.
/// </summary>
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

    /// <summary>The caller's own upper bound (created_to), if any.</summary>
    [JsonPropertyName("start")]
    [JsonRequired]
    public long? Start { get; set; }

    /// <summary>The caller's own lower bound (created_from), if any.</summary>
    [JsonPropertyName("after")]
    [JsonRequired]
    public long? After { get; set; }

    /// <summary>The bound of the next request.</summary>
    [JsonPropertyName("bound")]
    [JsonRequired]
    public long Bound { get; set; }

    /// <summary>The page size of the next request.</summary>
    [JsonPropertyName("ask")]
    [JsonRequired]
    public int Size { get; set; }

    /// <summary>The whole second the walk has reached.</summary>
    [JsonPropertyName("second")]
    [JsonRequired]
    public long Second { get; set; }

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

    /// <summary>The ids already yielded that a later page can bring back (those at or near the bound).</summary>
    [JsonPropertyName("seen")]
    [JsonRequired]
    public List<SeenItem> Seen { get; set; } = [];

    /// <summary>Writes a walk's state after a page, when another page follows.</summary>
    /// <param name="walk">The walk, its next request already chosen.</param>
    /// <param name="settings">The pageable's settings.</param>
    /// <returns>The token.</returns>
    public static string Capture(TimeKeysetWalk walk, TimeKeysetSettings settings)
    {
        // Restart is only ever set between a page and the choice of the next request, which clears it, so
        // a captured walk never holds it.
        System.Diagnostics.Debug.Assert(!walk.Restart, "a walk is captured after its next request was chosen");
        var state = new TimeKeysetContinuation
        {
            PageSize = settings.PageSize,
            MaxPageSize = settings.MaxPageSize,
            Start = settings.Start?.UtcTicks,
            After = settings.After?.UtcTicks,
            Bound = walk.Request.Bound!.Value.UtcTicks,
            Size = walk.Request.Size,
            Second = walk.Second!.Value.UtcTicks,
            Rung = walk.Rung,
            Inclusive = walk.Inclusive,
            Asked = walk.Asked.Select(a => new AskedRequest { Bound = a.Request.Bound?.UtcTicks, Size = a.Request.Size, Newest = a.Newest.UtcTicks }).ToList(),
            Seen = walk.Seen.Select(s => new SeenItem { Id = s.Key, At = s.Value?.UtcTicks }).ToList(),
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

        var second = Instant(state.Second);
        var bound = Instant(state.Bound);
        // Only what every walk guarantees is checked (a server that ignores the bound can put the walk's
        // second past the caller's created_to, so the bound is not compared with it).
        if (second.UtcTicks % TimeSpan.TicksPerSecond != 0
            || (settings.After is { } after && bound <= after)
            || (state.Size != settings.PageSize && state.Size != settings.MaxPageSize)
            || state.Rung is < 0 or > 3
            || state.Asked.Count == 0)
        {
            throw ContinuationTokenCodec.Invalid("holds a position no time keyset walk reaches");
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
                throw ContinuationTokenCodec.Invalid("holds a position no time keyset walk reaches");
            }

            walk.Asked.Add((new TimeKeysetRequest(asked.Bound is { } b ? Instant(b) : null, asked.Size), Instant(asked.Newest)));
        }

        foreach (var seen in state.Seen)
        {
            if (!walk.Seen.TryAdd(seen.Id, seen.At is { } at ? Instant(at) : null))
            {
                throw ContinuationTokenCodec.Invalid("lists an item id twice");
            }
        }

        return walk;
    }

    private static DateTimeOffset Instant(long utcTicks) =>
        utcTicks >= DateTimeOffset.MinValue.UtcTicks && utcTicks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(utcTicks, TimeSpan.Zero)
            : throw ContinuationTokenCodec.Invalid("holds an instant out of range");

    /// <summary>A request made for the current second and the newest item it brought back.</summary>
    internal sealed class AskedRequest
    {
        /// <summary>The request's bound, or null for the first request of an unbounded walk.</summary>
        [JsonPropertyName("bound")]
        [JsonRequired]
        public long? Bound { get; set; }

        /// <summary>The request's page size.</summary>
        [JsonPropertyName("size")]
        [JsonRequired]
        public int Size { get; set; }

        /// <summary>The newest item the request brought back.</summary>
        [JsonPropertyName("newest")]
        [JsonRequired]
        public long Newest { get; set; }
    }

    /// <summary>An item already yielded.</summary>
    internal sealed class SeenItem
    {
        /// <summary>The item's id.</summary>
        [JsonPropertyName("id")]
        [JsonRequired]
        public string Id { get; set; } = "";

        /// <summary>The item's creation time, when it has one.</summary>
        [JsonPropertyName("at")]
        [JsonRequired]
        public long? At { get; set; }
    }
}
