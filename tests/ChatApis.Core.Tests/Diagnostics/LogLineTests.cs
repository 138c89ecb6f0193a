using ChatApis.Core.Tests.Support;
using ChatApis.DependencyInjection;
using ChatApis.Http;
using ChatApis.Pipeline;
using ChatApis.RateLimiting;
using ChatApis.Testing;
using Microsoft.Extensions.Logging;

namespace ChatApis.Core.Tests.Diagnostics;

/// <summary>
/// The pipeline's log lines, exactly: a quiet success (where the attempt went and how it ended, at debug level;
/// no rate-limit line for an uncontended turn), real rate-limit waits at debug level, and failures without a
/// response that name their cause and the server's host:port. Each test has its own logger.
/// </summary>
public class LogLineTests : SimulatorTest
{
    private readonly CapturingLoggerProvider _logs = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_success_logs_where_it_went_and_its_status_at_debug_level_and_no_uncontended_rate_limit_wait()
    {
        var vendor = TestVendor.Profile(new RateLimitBudget(RateLimitBudget.General, 1000, TimeSpan.FromSeconds(1)));
        // On a manual clock an uncontended turn takes no time at all (on the system clock it takes microseconds,
        // below the 1 ms from which a wait is logged; see the theory below).
        var pipeline = TestVendor.Pipeline(Sim, time: new ManualTimeProvider(), logger: _logs.CreateLogger("ChatApis.Test"), vendor: vendor);

        await pipeline.ListItemsAsync(2, 5, zeroBased: true, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        // The URL keeps the query's names, never its values (a vendor could take a credential there).
        Assert.Equal(
            [
                $"Debug ChatApis.Test: Test sending GET {Sim.BaseAddress}v1/items?page=*&per_page=*&base=* (attempt 1) ",
                "Debug ChatApis.Test: Test GET items -> 200 (attempt 1, 0.0 ms) ",
            ],
            _logs.Lines);
    }

    [Theory]
    [InlineData(0.4, null)]
    [InlineData(1, "Debug ChatApis.Test: Test GET thing waited 1 ms for the client-side rate limiter ")]
    [InlineData(1500, "Debug ChatApis.Test: Test GET thing waited 1500 ms for the client-side rate limiter ")]
    public void A_rate_limit_wait_is_logged_at_debug_level_only_from_one_millisecond(double waitedMs, string? expected)
    {
        var telemetry = new CallTelemetry("Test", _logs.CreateLogger("ChatApis.Test"), TimeProvider.System, new RequestTarget(new Uri("https://api.example.invalid/v1/")));

        telemetry.RateLimitWaited(TestOperations.GetThing, TimeSpan.FromMilliseconds(waitedMs));

        Assert.Equal(expected is null ? [] : [expected], _logs.Lines);
    }

    [Fact]
    public async Task A_failure_without_a_response_logs_the_cause_and_host_and_port_and_its_message_names_the_url()
    {
        using var closed = new ClosedLoopbackPort();
        var options = new ChatApiClientOptions { BaseAddress = new Uri(closed.BaseAddress, "v1/"), MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(1), RetryMaxDelay = TimeSpan.FromMilliseconds(2) };
        using var pipeline = new ChatApiPipeline(ChatApiHttp.CreateHandler(), TestVendor.Profile(), options, logger: _logs.CreateLogger("ChatApis.Test"));

        var error = await Assert.ThrowsAsync<ChatApiTransportException>(() => pipeline.GetThingAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct));

        Assert.Equal($"Test GET thing (http://127.0.0.1:{closed.Port}/v1/thing) after 2 attempts: the request failed (ConnectionError); it never reached the server.", error.Message);

        // The transport's own words (they differ by operating system), as the line must quote them.
        var http = Assert.IsType<HttpRequestException>(error.InnerException);
        var cause = $"connection_error: HttpRequestException: {http.Message} → {http.InnerException!.GetType().Name}: {http.InnerException.Message}";
        var warnings = _logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Matches(
            $@"^Warning ChatApis\.Test: Test GET thing attempt 1 got no response from 127\.0\.0\.1:{closed.Port} \({System.Text.RegularExpressions.Regex.Escape(cause)}\); retrying in \d+ ms $",
            warnings[0]);
        Assert.Equal($"Warning ChatApis.Test: Test GET thing failed after 2 attempt(s) with no response from 127.0.0.1:{closed.Port}: ChatApiTransportException ({cause}) ", warnings[1]);
        Assert.Equal(
            [
                $"Debug ChatApis.Test: Test sending GET http://127.0.0.1:{closed.Port}/v1/thing (attempt 1) ",
                $"Debug ChatApis.Test: Test sending GET http://127.0.0.1:{closed.Port}/v1/thing (attempt 2) ",
            ],
            _logs.Lines.Where(l => l.StartsWith("Debug", StringComparison.Ordinal)));
    }
}
