using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatApis.Diagnostics;

/// <summary>
/// The SDK's tracing and metrics sources, both named <c>ChatApis</c>: subscribe with
/// OpenTelemetry's <c>AddSource("ChatApis")</c> / <c>AddMeter("ChatApis")</c>.
/// </summary>
public static class ChatApisTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "ChatApis";

    /// <summary>One client span per logical call, tagged with vendor, method and path template.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, "1.0.0");

    /// <summary>The SDK's meter.</summary>
    public static Meter Meter { get; } = new(Name, "1.0.0");

    /// <summary>Attempts sent (tags: vendor, method, status).</summary>
    public static Counter<long> Requests { get; } = Meter.CreateCounter<long>("chatapis.requests", "{request}", "HTTP attempts sent");

    /// <summary>Retries scheduled (tags: vendor, reason).</summary>
    public static Counter<long> Retries { get; } = Meter.CreateCounter<long>("chatapis.retries", "{retry}", "Retries scheduled");

    /// <summary>Time spent waiting for the client-side rate limiter (tags: vendor).</summary>
    public static Histogram<double> RateLimitWaits { get; } = Meter.CreateHistogram<double>("chatapis.rate_limit.wait", "s", "Client-side rate-limit waits");

    /// <summary>OAuth token refreshes (tags: vendor, outcome).</summary>
    public static Counter<long> TokenRefreshes { get; } = Meter.CreateCounter<long>("chatapis.token.refreshes", "{refresh}", "OAuth token refreshes");

    /// <summary>Duration of logical calls (tags: vendor, method, outcome).</summary>
    public static Histogram<double> CallDuration { get; } = Meter.CreateHistogram<double>("chatapis.call.duration", "s", "Logical call duration including retries");
}
