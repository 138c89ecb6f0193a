using ChatApis.RateLimiting;

namespace ChatApis.Http;

/// <summary>
/// What is special about one vendor's API, declared once by its client package: its name, default
/// address, error envelope, request-id header and documented rate limits. Core does the work.
/// </summary>
public sealed class VendorProfile
{
    /// <summary>The vendor's display name, e.g. "Zipchat" (used in errors, logs and metrics).</summary>
    public required string Name { get; init; }

    /// <summary>The production base address (its path ends with '/').</summary>
    public required Uri DefaultBaseAddress { get; init; }

    /// <summary>Reads the vendor's error bodies.</summary>
    public ErrorBodyReader ErrorReader { get; init; } = ErrorBodyReader.Default;

    /// <summary>The response headers that carry the vendor's request id, checked in order.</summary>
    public IReadOnlyList<string> RequestIdHeaders { get; init; } = ["Request-Id", "X-Request-Id"];

    /// <summary>The documented request budgets (the general one and per-endpoint ones).</summary>
    public IReadOnlyList<RateLimitBudget> RateLimits { get; init; } = [];

    /// <summary>
    /// Optionally chooses the exception for a failed response when the status alone is not enough
    /// (e.g. Vertext answers a missing Authorization header with 400). Return <c>null</c> for the default.
    /// </summary>
    public Func<ChatApiErrorDetails, string, ChatApiException?>? MapError { get; init; }

    /// <summary>The vendor's request id on a response (the first of <see cref="RequestIdHeaders"/> present), if any.</summary>
    internal string? RequestIdOf(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.NonValidated.TryGetValues(name, out var values))
            {
                return values.ToString();
            }
        }

        return null;
    }
}
