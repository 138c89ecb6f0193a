using ChatApis.Http;
using ChatApis.RateLimiting;

namespace ChatApis.AssistLoop;

/// <summary>What is special about AssistLoop's API: two surfaces, a <c>{error, message}</c> envelope with <c>retry_after</c>, and two budgets.</summary>
internal static class AssistLoopVendor
{
    public const string Name = "AssistLoop";

    /// <summary>The named budget of the close endpoint (10 per minute, on top of the general 60).</summary>
    public const string CloseBudget = "close";

    /// <summary>The root-relative token endpoint (not under the surface base).</summary>
    public const string TokenPath = "/oauth/token";

    public static readonly Uri ZapierBaseAddress = new("https://api.assistloop.ai/api/v1/");

    public static readonly Uri MakeBaseAddress = new("https://api.assistloop.ai/v1/");

    private static readonly IReadOnlyList<RateLimitBudget> Budgets =
    [
        new(RateLimitBudget.General, 60, TimeSpan.FromMinutes(1)),
        new(CloseBudget, 10, TimeSpan.FromMinutes(1)),
    ];

    /// <summary>The profile of the Zapier surface (also the one dependency injection registers; Make's base is set by a post-configure step).</summary>
    public static VendorProfile Profile { get; } = Create(ZapierBaseAddress);

    public static VendorProfile MakeProfile { get; } = Create(MakeBaseAddress);

    public static VendorProfile ProfileFor(AssistLoopSurface surface) => surface == AssistLoopSurface.Make ? MakeProfile : Profile;

    public static Uri DefaultBaseAddress(AssistLoopSurface surface) => surface == AssistLoopSurface.Make ? MakeBaseAddress : ZapierBaseAddress;

    /// <summary>The <c>platform</c> value of a surface, as subscribe and close send it.</summary>
    public static string PlatformOf(AssistLoopSurface surface) => surface == AssistLoopSurface.Make ? "make" : "zapier";

    private static VendorProfile Create(Uri baseAddress) => new()
    {
        Name = Name,
        DefaultBaseAddress = baseAddress,
        ErrorReader = new ErrorBodyReader(codeProperty: "error", messageProperty: "message", retryAfterProperty: "retry_after"),
        RequestIdHeaders = ["Request-Id"],
        RateLimits = Budgets,
    };
}
