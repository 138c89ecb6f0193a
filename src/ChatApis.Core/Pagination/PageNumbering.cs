namespace ChatApis.Pagination;

/// <summary>How an API counts the pages a <see cref="NumberedPageable{T}"/> walks.</summary>
public enum PageNumbering
{
    /// <summary>Page numbers counted from 1 (<c>page=1</c> is the first page), as Zipchat counts them.</summary>
    OneBased = 1,

    /// <summary>Page indexes counted from 0 (the page starts at item index × page size), as Vertext counts them.</summary>
    ZeroBased = 0,
}
