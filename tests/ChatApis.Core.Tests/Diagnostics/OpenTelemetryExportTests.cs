using System.Diagnostics;
using ChatApis.Core.Tests.Support;
using ChatApis.DependencyInjection;
using ChatApis.Diagnostics;
using ChatApis.Http;
using ChatApis.Pipeline;
using ChatApis.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatApis.Core.Tests.Diagnostics;

/// <summary>
/// The spans and metrics as the real OpenTelemetry SDK (1.20.1, in-memory exporters) exports them, the way an app
/// subscribes: <c>AddSource(ChatApisTelemetry.Name)</c> and <c>AddMeter(ChatApisTelemetry.Name)</c>. The providers
/// listen process-wide while other tests call in parallel, so each test calls as a vendor of its own and keeps
/// only what that vendor produced.
/// </summary>
public class OpenTelemetryExportTests : SimulatorTest
{
    private static readonly double[] CallDurationBounds = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 15, 30, 60, 120, double.PositiveInfinity];
    private static readonly double[] RateLimitWaitBounds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30, 45, 60, 90, double.PositiveInfinity];

    [Fact]
    public async Task A_success_is_one_client_span_with_the_http_conventions_and_one_attempt()
    {
        using var otel = new Exported("OTel-Success");

        await Bounded(TestVendor.Pipeline(Sim, vendor: otel.Vendor).GetThingAsync(TestContext.Current.CancellationToken));

        var span = Assert.Single(otel.Spans());
        Assert.Equal("GET /v1/thing", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ChatApisTelemetry.Name, span.Source.Name);
        Assert.Equal(ChatApisTelemetry.Version, span.Source.Version);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal(Tags(("http.request.method", "GET"), ("server.address", "127.0.0.1"), ("server.port", Sim.BaseAddress.Port), ("url.template", "/v1/thing"), ("chatapis.vendor", "OTel-Success"), ("http.response.status_code", 200)), Tags(span));
        var attempt = Assert.Single(span.Events);
        Assert.Equal("chatapis.attempt", attempt.Name);
        Assert.Equal(Tags(("chatapis.attempt", 1), ("http.response.status_code", 200)), Tags(attempt));

        var metrics = otel.Metrics();
        Assert.Equal([(MetricTags(("chatapis.vendor", "OTel-Success"), ("http.request.method", "GET"), ("http.response.status_code", 200)), 1L)], metrics.Counts("chatapis.requests"));
        Assert.Empty(metrics.Counts("chatapis.retries"));
        var duration = Assert.Single(metrics.Histograms("chatapis.call.duration"));
        Assert.Equal(MetricTags(("chatapis.vendor", "OTel-Success"), ("http.request.method", "GET"), ("chatapis.outcome", "success")), duration.Tags);
        Assert.Equal(1, duration.Count);
        Assert.Equal(CallDurationBounds, duration.Bounds);
        Assert.Equal("s", metrics.Unit("chatapis.call.duration"));
    }

    [Fact]
    public async Task A_retried_call_is_one_span_whose_events_show_each_attempt_and_the_retry()
    {
        using var otel = new Exported("OTel-Retried");
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(503));

        var response = await Bounded(TestVendor.Pipeline(Sim, vendor: otel.Vendor).GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Equal(2, response.Attempts);
        var span = Assert.Single(otel.Spans());
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal(Tags(("http.request.method", "GET"), ("server.address", "127.0.0.1"), ("server.port", Sim.BaseAddress.Port), ("url.template", "/v1/thing"), ("chatapis.vendor", "OTel-Retried"), ("http.request.resend_count", 1), ("http.response.status_code", 200)), Tags(span));
        Assert.Equal(["chatapis.attempt", "chatapis.retry", "chatapis.attempt"], span.Events.Select(e => e.Name));
        var events = span.Events.ToList();
        Assert.Equal(Tags(("chatapis.attempt", 1), ("http.response.status_code", 503)), Tags(events[0]));
        var retry = Tags(events[1]);
        Assert.Equal(["chatapis.attempt", "error.type", "chatapis.retry.delay"], retry.Select(t => t.Key));
        Assert.Equal((object)1, retry[0].Value);
        Assert.Equal("503", retry[1].Value);
        Assert.InRange((double)retry[2].Value!, 0.0005, 0.025); // the test options' backoff: 1 ms base, 20 ms cap, ±20 % jitter
        Assert.Equal(Tags(("chatapis.attempt", 2), ("http.response.status_code", 200)), Tags(events[2]));

        var metrics = otel.Metrics();
        Assert.Equal(
            [
                (MetricTags(("chatapis.vendor", "OTel-Retried"), ("http.request.method", "GET"), ("http.response.status_code", 200)), 1L),
                (MetricTags(("chatapis.vendor", "OTel-Retried"), ("http.request.method", "GET"), ("http.response.status_code", 503)), 1L),
            ],
            metrics.Counts("chatapis.requests"));
        Assert.Equal([(MetricTags(("chatapis.vendor", "OTel-Retried"), ("error.type", "503")), 1L)], metrics.Counts("chatapis.retries"));
        var duration = Assert.Single(metrics.Histograms("chatapis.call.duration"));
        Assert.Equal(1, duration.Count);
        Assert.Equal(CallDurationBounds, duration.Bounds);
    }

    [Fact]
    public async Task A_404_span_has_its_status_code_error_type_and_error_status_without_server_text()
    {
        using var otel = new Exported("OTel-NotFound");
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(404, """{"error":"not_found","message":"No thing sk_live_in_the_body."}"""));

        await Assert.ThrowsAsync<ChatApiNotFoundException>(() => Bounded(TestVendor.Pipeline(Sim, vendor: otel.Vendor).GetThingAsync(TestContext.Current.CancellationToken)));

        var span = Assert.Single(otel.Spans());
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("ChatApiNotFoundException (404)", span.StatusDescription);
        Assert.Equal(Tags(("http.request.method", "GET"), ("server.address", "127.0.0.1"), ("server.port", Sim.BaseAddress.Port), ("url.template", "/v1/thing"), ("chatapis.vendor", "OTel-NotFound"), ("http.response.status_code", 404), ("error.type", "404")), Tags(span));
        Assert.Equal(Tags(("chatapis.attempt", 1), ("http.response.status_code", 404)), Tags(Assert.Single(span.Events)));

        var metrics = otel.Metrics();
        Assert.Equal([(MetricTags(("chatapis.vendor", "OTel-NotFound"), ("http.request.method", "GET"), ("http.response.status_code", 404)), 1L)], metrics.Counts("chatapis.requests"));
        var duration = Assert.Single(metrics.Histograms("chatapis.call.duration"));
        Assert.Equal(MetricTags(("chatapis.vendor", "OTel-NotFound"), ("http.request.method", "GET"), ("chatapis.outcome", "error"), ("error.type", "404")), duration.Tags);
    }

    [Fact]
    public async Task An_attempt_without_a_response_is_counted_with_its_error_type_and_ends_the_span_in_error()
    {
        using var otel = new Exported("OTel-NoResponse");
        using var closed = new ClosedLoopbackPort();
        using var pipeline = new ChatApiPipeline(ChatApiHttp.CreateHandler(), otel.Vendor, new ChatApiClientOptions { BaseAddress = new Uri(closed.BaseAddress, "v1/"), MaxRetries = 0 });

        await Assert.ThrowsAsync<ChatApiTransportException>(() => Bounded(pipeline.GetThingAsync(TestContext.Current.CancellationToken)));

        var span = Assert.Single(otel.Spans());
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("ChatApiTransportException (connection_error)", span.StatusDescription);
        Assert.Equal(Tags(("http.request.method", "GET"), ("server.address", "127.0.0.1"), ("server.port", closed.Port), ("url.template", "/v1/thing"), ("chatapis.vendor", "OTel-NoResponse"), ("error.type", "connection_error")), Tags(span));
        Assert.Equal(Tags(("chatapis.attempt", 1), ("error.type", "connection_error")), Tags(Assert.Single(span.Events)));

        var metrics = otel.Metrics();
        Assert.Equal([(MetricTags(("chatapis.vendor", "OTel-NoResponse"), ("http.request.method", "GET"), ("error.type", "connection_error")), 1L)], metrics.Counts("chatapis.requests"));
        var duration = Assert.Single(metrics.Histograms("chatapis.call.duration"));
        Assert.Equal(MetricTags(("chatapis.vendor", "OTel-NoResponse"), ("http.request.method", "GET"), ("chatapis.outcome", "error"), ("error.type", "connection_error")), duration.Tags);
    }

    [Fact]
    public async Task A_retry_cut_by_the_deadline_is_counted_as_a_timeout_and_ends_the_span_with_error_type_timeout()
    {
        using var otel = new Exported("OTel-Timeout");
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(503));
        Sim.Faults.On("GET", "/v1/thing").Always(Fault.Hang());
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromSeconds(1) }; // the backoff passes by itself, the deadline does not
        var pipeline = TestVendor.Pipeline(Sim, o => { o.AttemptTimeout = TimeSpan.FromHours(1); o.TotalTimeout = TimeSpan.FromHours(2); }, clock, vendor: otel.Vendor);
        var call = pipeline.GetThingAsync(null, new RequestOptions { Timeout = TimeSpan.FromSeconds(5) }, TestContext.Current.CancellationToken);
        using (var arrival = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (Sim.Journal.Count < 2)
            {
                Assert.False(arrival.IsCancellationRequested, "the retry did not reach the server");
                await Task.Delay(5, TestContext.Current.CancellationToken);
            }
        }

        clock.Advance(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<ChatApiTransportException>(() => Bounded(call));

        Assert.True(error.IsTimeout);
        var span = Assert.Single(otel.Spans());
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("ChatApiTransportException (timeout)", span.StatusDescription);
        Assert.Equal(Tags(("http.request.method", "GET"), ("server.address", "127.0.0.1"), ("server.port", Sim.BaseAddress.Port), ("url.template", "/v1/thing"), ("chatapis.vendor", "OTel-Timeout"), ("http.request.resend_count", 1), ("error.type", "timeout")), Tags(span));
        Assert.Equal(["chatapis.attempt", "chatapis.retry", "chatapis.attempt"], span.Events.Select(e => e.Name));
        Assert.Equal(Tags(("chatapis.attempt", 2), ("error.type", "timeout")), Tags(span.Events.Last()));

        var metrics = otel.Metrics();
        Assert.Equal(
            [
                (MetricTags(("chatapis.vendor", "OTel-Timeout"), ("error.type", "timeout"), ("http.request.method", "GET")), 1L),
                (MetricTags(("chatapis.vendor", "OTel-Timeout"), ("http.request.method", "GET"), ("http.response.status_code", 503)), 1L),
            ],
            metrics.Counts("chatapis.requests"));
        var duration = Assert.Single(metrics.Histograms("chatapis.call.duration"));
        Assert.Equal(MetricTags(("chatapis.vendor", "OTel-Timeout"), ("http.request.method", "GET"), ("chatapis.outcome", "error"), ("error.type", "timeout")), duration.Tags);
    }

    [Fact]
    public void A_rate_limit_wait_lands_in_the_seconds_buckets_and_on_the_span()
    {
        using var otel = new Exported("OTel-Wait");
        var telemetry = new CallTelemetry("OTel-Wait", NullLogger.Instance, TimeProvider.System, new RequestTarget(new Uri("https://api.example.invalid/v1/")));

        using (telemetry.StartCall(TestOperations.GetThing))
        {
            telemetry.RateLimitWaited(TestOperations.GetThing, TimeSpan.FromSeconds(2.5));
            telemetry.RateLimitWaited(TestOperations.GetThing, TimeSpan.FromSeconds(42));
        }

        var span = Assert.Single(otel.Spans());
        Assert.Equal(["chatapis.rate_limit.wait", "chatapis.rate_limit.wait"], span.Events.Select(e => e.Name));
        Assert.Equal([2.5, 42.0], span.Events.Select(e => (double)e.Tags.Single().Value!));
        var wait = Assert.Single(otel.Metrics().Histograms("chatapis.rate_limit.wait"));
        Assert.Equal(MetricTags(("chatapis.vendor", "OTel-Wait")), wait.Tags);
        Assert.Equal(RateLimitWaitBounds, wait.Bounds);
        Assert.Equal(2, wait.Count);
        Assert.Equal(44.5, wait.Sum);

        // 2.5 s falls in (1, 2.5], 42 s in (30, 45]: each bucket's count, by its upper bound.
        Assert.Equal([(2.5, 1L), (45.0, 1L)], wait.Buckets.Where(b => b.Count > 0));
    }

    private static async Task<T> Bounded<T>(Task<T> call) => await call.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

    private static List<KeyValuePair<string, object?>> Tags(params (string Key, object? Value)[] tags) => [.. tags.Select(t => new KeyValuePair<string, object?>(t.Key, t.Value))];

    private static List<KeyValuePair<string, object?>> Tags(Activity span) => [.. span.TagObjects];

    // A metric point's tags as one comparable string, ordered by key (the SDK keeps them in its own order).
    private static string MetricTags(params (string Key, object? Value)[] tags) => MetricTags(tags.Select(t => new KeyValuePair<string, object?>(t.Key, t.Value)));

    private static string MetricTags(IEnumerable<KeyValuePair<string, object?>> tags) =>
        string.Join("; ", tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));

    private static List<KeyValuePair<string, object?>> Tags(ActivityEvent e) => [.. e.Tags];

    /// <summary>
    /// A tracer provider and a meter provider built as an app builds them, exporting in memory; spans are kept
    /// only when they are this test's vendor's (the processor filters before the exporter, so the exporter's
    /// list is never written by another test's call while this one reads it).
    /// </summary>
    private sealed class Exported : IDisposable
    {
        private readonly List<Activity> _spans = [];
        private readonly List<MetricSnapshot> _metrics = [];
        private readonly TracerProvider _tracing;
        private readonly MeterProvider _meters;

        public Exported(string vendor)
        {
            Vendor = new VendorProfile { Name = vendor, DefaultBaseAddress = new Uri("https://api.example.invalid/v1/") };
            _tracing = Sdk.CreateTracerProviderBuilder()
                .AddSource(ChatApisTelemetry.Name)
                .AddProcessor(new OnlyVendor(vendor, new SimpleActivityExportProcessor(new InMemoryExporter<Activity>(_spans))))
                .Build();

            // Exported only when the test flushes: no periodic export writes the list while the test reads it.
            _meters = Sdk.CreateMeterProviderBuilder()
                .AddMeter(ChatApisTelemetry.Name)
                .AddInMemoryExporter(_metrics, reader => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = int.MaxValue)
                .Build();
        }

        public VendorProfile Vendor { get; }

        public IReadOnlyList<Activity> Spans()
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }

        public ExportedMetrics Metrics()
        {
            Assert.True(_meters.ForceFlush(10_000), "the meter provider did not flush");
            return new ExportedMetrics(Vendor.Name, [.. _metrics]);
        }

        public void Dispose()
        {
            _tracing.Dispose();
            _meters.Dispose();
        }
    }

    private sealed class OnlyVendor(string vendor, BaseProcessor<Activity> inner) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            if ((string?)data.GetTagItem("chatapis.vendor") == vendor)
            {
                inner.OnEnd(data);
            }
        }

        protected override bool OnForceFlush(int timeoutMilliseconds) => inner.ForceFlush(timeoutMilliseconds);

        protected override bool OnShutdown(int timeoutMilliseconds) => inner.Shutdown(timeoutMilliseconds);

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>The last export's metric points of one vendor (cumulative: the last snapshot of an instrument has them all).</summary>
    private sealed class ExportedMetrics(string vendor, List<MetricSnapshot> snapshots)
    {
        public string? Unit(string instrument) => snapshots.LastOrDefault(s => s.Name == instrument)?.Unit;

        public List<(string Tags, long Value)> Counts(string instrument) =>
            [.. Points(instrument).Select(p => (MetricTags(TagsOf(p)), p.GetSumLong())).OrderBy(p => p.Item1, StringComparer.Ordinal)];

        public List<HistogramPoint> Histograms(string instrument) =>
            [.. Points(instrument).Select(p =>
            {
                var buckets = new List<(double UpperBound, long Count)>();
                foreach (var bucket in p.GetHistogramBuckets())
                {
                    buckets.Add((bucket.ExplicitBound, bucket.BucketCount));
                }

                return new HistogramPoint(MetricTags(TagsOf(p)), p.GetHistogramCount(), p.GetHistogramSum(), [.. buckets.Select(b => b.UpperBound)], buckets);
            })];

        private IEnumerable<MetricPoint> Points(string instrument) =>
            (snapshots.LastOrDefault(s => s.Name == instrument)?.MetricPoints ?? []).Where(p => TagsOf(p).Any(t => t.Key == "chatapis.vendor" && (string?)t.Value == vendor));

        private static List<KeyValuePair<string, object?>> TagsOf(MetricPoint point)
        {
            var tags = new List<KeyValuePair<string, object?>>();
            foreach (var tag in point.Tags)
            {
                tags.Add(tag);
            }

            return tags;
        }
    }

    private sealed record HistogramPoint(string Tags, long Count, double Sum, List<double> Bounds, List<(double UpperBound, long Count)> Buckets);
}
