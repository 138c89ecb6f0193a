using System.Text.Json.Serialization;

namespace ChatApis.Pagination;

/// <summary>Where a numbered walk stands: the page size it asks for and the next page number or index to fetch.</summary>
internal sealed class NumberedContinuation
{
    /// <summary>The page size (per_page) of the walk.</summary>
    [JsonPropertyName("size")]
    [JsonRequired]
    public int PageSize { get; set; }

    /// <summary>The page number (1-based) or index (0-based) the resumed walk fetches first.</summary>
    [JsonPropertyName("next")]
    [JsonRequired]
    public int NextPage { get; set; }
}
