using ChatApis.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Samples.ReadmeSnippets.Snippets;

/// <summary>README: the SDK's spans and metrics in OpenTelemetry.</summary>
internal static class ObservabilitySnippets
{
    public static void AddOpenTelemetry(HostApplicationBuilder builder)
    {
        #region snippet:opentelemetry with-usings
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(ChatApisTelemetry.Name)   // one client span per call, attempts and retries as events
                .AddConsoleExporter())               // or AddOtlpExporter(), ...
            .WithMetrics(metrics => metrics
                .AddMeter(ChatApisTelemetry.Name)    // chatapis.requests, chatapis.call.duration, ...
                .AddConsoleExporter());
        #endregion
    }
}
