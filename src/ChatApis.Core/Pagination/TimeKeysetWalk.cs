namespace ChatApis.Pagination;

/// <summary>
/// Everything a time keyset walk carries from one page to the next, kept in one place so that a
/// continuation token can hold all of it and a resumed walk goes on exactly as the first one would have.
/// </summary>
internal sealed class TimeKeysetWalk
{
    /// <summary>Creates the state of a walk about to make <paramref name="request"/>.</summary>
    /// <param name="request">The next request.</param>
    public TimeKeysetWalk(TimeKeysetRequest request) => Request = request;

    /// <summary>The next request to make.</summary>
    public TimeKeysetRequest Request { get; set; }

    /// <summary>The whole second the walk has reached.</summary>
    public DateTimeOffset? Second { get; set; }

    /// <summary>The rung of the ladder climbed for that second.</summary>
    public int Rung { get; set; }

    /// <summary>Whether the server has shown it reads the bound inclusively.</summary>
    public bool Inclusive { get; set; }

    /// <summary>Whether the ladder restarts at the next step (set when the server has just shown it is inclusive).</summary>
    public bool Restart { get; set; }

    /// <summary>The requests made since the walk reached this second, with the newest item each brought back.</summary>
    public List<(TimeKeysetRequest Request, DateTimeOffset Newest)> Asked { get; } = [];

    /// <summary>The ids already yielded that a later page can bring back, with their creation times.</summary>
    public Dictionary<string, DateTimeOffset?> Seen { get; } = new(StringComparer.Ordinal);
}
