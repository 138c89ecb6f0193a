using ChatApis.Http;

namespace ChatApis.Reliability.Tests.Support;

/// <summary>How a case wants its client: clock, retries, timeouts, size limit.</summary>
public sealed record ClientSettings
{
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public int MaxRetries { get; init; } = 3;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    // Long on purpose: only the cases where a timeout must fire shorten it (a loaded machine must not
    // turn a healthy attempt into a timeout).
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public long MaxResponseBytes { get; init; } = 16 * 1024 * 1024;

    public bool RateLimiting { get; init; } = true;

    public void ApplyTo(ChatApiClientOptions options)
    {
        options.MaxRetries = MaxRetries;
        options.RetryBaseDelay = RetryBaseDelay;
        options.RetryMaxDelay = TimeSpan.FromSeconds(2);
        options.MaxRetryAfter = TimeSpan.FromMinutes(5);
        options.AttemptTimeout = AttemptTimeout;
        options.TotalTimeout = TotalTimeout;
        options.MaxResponseBytes = MaxResponseBytes;
        options.EnableRateLimiting = RateLimiting;
    }
}
