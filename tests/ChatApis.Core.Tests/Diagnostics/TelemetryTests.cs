using System.Diagnostics;
using System.Diagnostics.Metrics;
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

            if (bag.TryGetValue("vendor", out var vendor) && (string?)vendor == "Telemetry")
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
        Assert.Equal("Telemetry GET thing", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("thing", span.GetTagItem("url.template"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal([503, 200], counted.Where(m => m.Instrument == "chatapis.requests").Select(m => (int)m.Tags["status"]!));
        Assert.Equal("503", Assert.Single(counted, m => m.Instrument == "chatapis.retries").Tags["reason"]);
    }
}
