namespace ChatApis.Pagination;

/// <summary>The paging style a continuation token was issued by; a token is only read back by the same style.</summary>
internal enum ContinuationKind : byte
{
    /// <summary>Page numbers counted from 1 (<see cref="PageNumbering.OneBased"/>).</summary>
    OneBasedPages = 1,

    /// <summary>Page indexes counted from 0 (<see cref="PageNumbering.ZeroBased"/>).</summary>
    ZeroBasedPages = 2,

    /// <summary>The newest-first time keyset walk of <see cref="TimeKeysetPageable{T}"/>.</summary>
    TimeKeyset = 3,
}
