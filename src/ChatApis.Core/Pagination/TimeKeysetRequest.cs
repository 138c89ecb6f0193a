namespace ChatApis.Pagination;

/// <summary>One request of a time keyset walk: the upper bound on the creation time (null: the newest of all) and the page size.</summary>
/// <param name="Bound">The created_to bound.</param>
/// <param name="Size">The page size.</param>
internal readonly record struct TimeKeysetRequest(DateTimeOffset? Bound, int Size);
