using ChatApis.Http;
using ChatApis.RateLimiting;

namespace ChatApis.Zipchat;

/// <summary>What is special about Zipchat's Backend API: prose error texts mapped to stable codes, and 120 requests per 60 s per integration.</summary>
internal static class ZipchatVendor
{
    /// <summary>The documented budget: 120 requests per 60-second window per integration (API key).</summary>
    public static RateLimitBudget Budget { get; } = new(RateLimitBudget.General, 120, TimeSpan.FromSeconds(60));

    public static VendorProfile Profile { get; } = new()
    {
        Name = "Zipchat",
        DefaultBaseAddress = new Uri("https://app.zipchat.ai/api/integrations/backend_api/v1/"),
        ErrorReader = new ZipchatErrorBodyReader(),
        RateLimits = [Budget],
    };
}
