using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace ChatApis.Diagnostics;

/// <summary>
/// The SDK's tracing and metrics sources, both named <c>ChatApis</c> and versioned with the package: subscribe
/// with OpenTelemetry's <c>AddSource(ChatApisTelemetry.Name)</c> / <c>AddMeter(ChatApisTelemetry.Name)</c>.
/// Tags follow the OpenTelemetry HTTP client conventions (<c>http.request.method</c>,
/// <c>http.response.status_code</c>, <c>error.type</c>, <c>server.address</c>, <c>url.template</c>) plus
/// <c>chatapis.vendor</c>; none holds an id, a query value, a header or text a server sent.
/// </summary>
public static class ChatApisTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "ChatApis";

    /// <summary>
    /// The package version the source and the meter report (the assembly's informational version without
    /// its <c>+commit</c> suffix, e.g. <c>0.1.0</c>).
    /// </summary>
    public static string Version { get; } = PackageVersion();

    /// <summary>
    /// One client span per logical call (retries and rate-limit waits included), named
    /// <c>{method} {url.template}</c>; each attempt and each scheduled retry is an event on it.
    /// </summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    /// <summary>The SDK's meter.</summary>
    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>
    /// Attempts made, answered or not (tags: <c>chatapis.vendor</c>, <c>http.request.method</c>, and
    /// <c>http.response.status_code</c> or, when no response came, <c>error.type</c>).
    /// </summary>
    public static Counter<long> Requests { get; } = Meter.CreateCounter<long>("chatapis.requests", "{request}", "HTTP attempts made, answered or not");

    /// <summary>Retries scheduled (tags: <c>chatapis.vendor</c>, <c>error.type</c> of the failed attempt).</summary>
    public static Counter<long> Retries { get; } = Meter.CreateCounter<long>("chatapis.retries", "{retry}", "Retries scheduled");

    /// <summary>
    /// Time spent waiting for the client-side rate limiter, in seconds (tags: <c>chatapis.vendor</c>). Buckets
    /// from 5 ms to 90 s: a wait is a queue behind a per-second or per-minute budget, so it runs up to a
    /// whole window (60 s for AssistLoop) plus the shared limiter's margin.
    /// </summary>
    public static Histogram<double> RateLimitWaits { get; } = Meter.CreateHistogram(
        "chatapis.rate_limit.wait",
        "s",
        "Client-side rate-limit waits",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RateLimitWaitBuckets });

    /// <summary>OAuth token refreshes (tags: <c>chatapis.vendor</c>, <c>chatapis.outcome</c>).</summary>
    public static Counter<long> TokenRefreshes { get; } = Meter.CreateCounter<long>("chatapis.token.refreshes", "{refresh}", "OAuth token refreshes");

    /// <summary>
    /// Duration of logical calls in seconds, retries and waits included (tags: <c>chatapis.vendor</c>,
    /// <c>http.request.method</c>, <c>chatapis.outcome</c>). Buckets from 5 ms to 120 s: the HTTP client
    /// convention's up to 10 s, then the backoff waits, the rate-limit queue and the 120 s default deadline.
    /// </summary>
    public static Histogram<double> CallDuration { get; } = Meter.CreateHistogram(
        "chatapis.call.duration",
        "s",
        "Logical call duration including retries",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = CallDurationBuckets });

    /// <summary>The bucket boundaries (seconds) advised for <see cref="CallDuration"/>.</summary>
    internal static double[] CallDurationBuckets => [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 15, 30, 60, 120];

    /// <summary>The bucket boundaries (seconds) advised for <see cref="RateLimitWaits"/>.</summary>
    internal static double[] RateLimitWaitBuckets => [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 45, 60, 90];

    // The attribute is kept by trimming and Native AOT (no reflection over members); SourceLink appends
    // "+<commit>", which is build metadata, not part of the version a backend should group by.
    private static string PackageVersion()
    {
        var informational = typeof(ChatApisTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return typeof(ChatApisTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
