namespace ChatApis.Pagination;

/// <summary>The settings of a time keyset walk that a continuation token must have been issued under.</summary>
/// <param name="PageSize">The page size.</param>
/// <param name="MaxPageSize">The largest page size the walk may ask for.</param>
/// <param name="Start">The caller's own created_to, if any.</param>
/// <param name="After">The caller's own created_from, if any.</param>
internal sealed record TimeKeysetSettings(int PageSize, int MaxPageSize, DateTimeOffset? Start, DateTimeOffset? After);
