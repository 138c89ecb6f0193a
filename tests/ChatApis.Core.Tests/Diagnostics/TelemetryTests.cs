using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using ChatApis.Core.Tests.Support;
using ChatApis.Diagnostics;
using ChatApis.Http;
using ChatApis.Testing;

namespace ChatApis.Core.Tests.Diagnostics;

public class TelemetryTests : SimulatorTest
{
    [Fact]
    public async Task A_call_emits_one_client_span_and_counts_its_attempts_and_retries()
    {
        var activities = new List<Activity>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ChatApisTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            // The source is process-wide and other tests run in parallel: keep only this test's spans.
            ActivityStopped = a =>
            {
                if ((string?)a.GetTagItem("chatapis.vendor") == "Telemetry")
                {
                    lock (activities)
                    {
                        activities.Add(a);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(tracing);
        var measurements = new List<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var metrics = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ChatApisTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        metrics.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var bag = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                bag[tag.Key] = tag.Value;
            }

            if (bag.TryGetValue("chatapis.vendor", out var vendor) && (string?)vendor == "Telemetry")
            {
                lock (measurements)
                {
                    measurements.Add((instrument.Name, value, bag));
                }
            }
        });
        metrics.Start();
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(503));
        var vendor = new VendorProfile { Name = "Telemetry", DefaultBaseAddress = new Uri("https://api.example.invalid/") };

        await TestVendor.Pipeline(Sim, vendor: vendor).GetThingAsync(TestContext.Current.CancellationToken);

        List<Activity> spans;
        List<(string Instrument, long Value, Dictionary<string, object?> Tags)> counted;
        lock (activities)
        {
            spans = [.. activities];
        }

        lock (measurements)
        {
            counted = [.. measurements];
        }

        var span = Assert.Single(spans);
        Assert.Equal("GET /v1/thing", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        (string, object?)[] tags =
            [
                ("http.request.method", "GET"),
                ("server.address", "127.0.0.1"),
                ("server.port", Sim.BaseAddress.Port),
                ("url.template", "/v1/thing"),
                ("chatapis.vendor", "Telemetry"),
                ("http.request.resend_count", 1),
                ("http.response.status_code", 200),
            ];
        Assert.Equal(tags, span.TagObjects.Select(t => (t.Key, t.Value)));
        Assert.Equal(["chatapis.attempt", "chatapis.retry", "chatapis.attempt"], span.Events.Select(e => e.Name));
        Assert.Equal([503, 200], counted.Where(m => m.Instrument == "chatapis.requests").Select(m => (int)m.Tags["http.response.status_code"]!));
        Assert.All(counted.Where(m => m.Instrument == "chatapis.requests"), m => Assert.Equal(["chatapis.vendor", "http.request.method", "http.response.status_code"], m.Tags.Keys));
        var retry = Assert.Single(counted, m => m.Instrument == "chatapis.retries");
        Assert.Equal(new Dictionary<string, object?> { ["chatapis.vendor"] = "Telemetry", ["error.type"] = "503" }, retry.Tags);
    }

    [Fact]
    public void The_source_and_the_meter_report_the_package_version()
    {
        var expected = typeof(TelemetryTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ChatApisPackageVersion").Value;

        Assert.Equal("0.1.0", expected);
        Assert.Equal(expected, ChatApisTelemetry.Version);
        Assert.Equal(expected, ChatApisTelemetry.ActivitySource.Version);
        Assert.Equal(expected, ChatApisTelemetry.Meter.Version);
        Assert.StartsWith(expected, typeof(ChatApisTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void The_histograms_advise_buckets_in_seconds_up_to_the_longest_wait_and_deadline()
    {
        Assert.Equal([0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 15, 30, 60, 120], ChatApisTelemetry.CallDuration.Advice!.HistogramBucketBoundaries!);
        Assert.Equal([0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 45, 60, 90], ChatApisTelemetry.RateLimitWaits.Advice!.HistogramBucketBoundaries!);
        Assert.Equal("s", ChatApisTelemetry.CallDuration.Unit);
        Assert.Equal("s", ChatApisTelemetry.RateLimitWaits.Unit);
    }
}
