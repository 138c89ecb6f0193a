using ChatApis.DependencyInjection;
using ChatApis.Http;
using ChatApis.RateLimiting;
using ChatApis.Testing;
using Microsoft.Extensions.Logging;

namespace ChatApis.Core.Tests.Support;

internal static class TestVendor
{
    public static VendorProfile Profile(params RateLimitBudget[] budgets) => new()
    {
        Name = "Test",
        DefaultBaseAddress = new Uri("https://api.example.invalid/v1/"),
        RateLimits = budgets,
    };

    /// <summary>Options for fast tests: short backoff, generous timeouts unless a test says otherwise.</summary>
    public static ChatApiClientOptions Options(SimulatorHost sim, Action<ChatApiClientOptions>? tweak = null)
    {
        var options = new ChatApiClientOptions
        {
            BaseAddress = new Uri(sim.BaseAddress, "v1/"),
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            RetryMaxDelay = TimeSpan.FromMilliseconds(20),
        };
        tweak?.Invoke(options);
        return options;
    }

    public static ChatApiPipeline Pipeline(SimulatorHost sim, Action<ChatApiClientOptions>? tweak = null, TimeProvider? time = null, ILogger? logger = null, VendorProfile? vendor = null, params DelegatingHandler[] handlers) =>
        new(ChatApiHttp.CreateHandler(handlers), vendor ?? Profile(), Options(sim, tweak), null, time, logger);

    /// <summary>A pipeline over a bare handler chain, as a standalone client builds it.</summary>
    public static ChatApiPipeline InvokerPipeline(SimulatorHost sim, Action<ChatApiClientOptions>? tweak = null) =>
        new(ChatApiHttp.CreateHandler(), Profile(), Options(sim, tweak));
}
