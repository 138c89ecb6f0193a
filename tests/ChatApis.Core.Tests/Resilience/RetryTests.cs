using System.Globalization;
using System.Net;
using ChatApis.Core.Tests.Support;
using ChatApis.Http;
using ChatApis.Testing;

namespace ChatApis.Core.Tests.Resilience;

/// <summary>Retries against the real loopback server, on a manual clock so waits take no real time.</summary>
public class RetryTests : SimulatorTest
{
    private static readonly DateTimeOffset ServerDate = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new() { AutoAdvanceLimit = TimeSpan.FromMinutes(5) };

    private ChatApiPipeline Pipeline(Action<ChatApiClientOptions>? tweak = null) => TestVendor.Pipeline(Sim, o =>
    {
        o.RetryBaseDelay = TimeSpan.FromMilliseconds(500);
        o.RetryMaxDelay = TimeSpan.FromSeconds(4);
        o.AttemptTimeout = TimeSpan.FromHours(1);
        o.TotalTimeout = TimeSpan.FromHours(2);
        tweak?.Invoke(o);
    }, _clock);

    private static Dictionary<string, string> Dated(params (string Name, string Value)[] headers)
    {
        var all = new Dictionary<string, string> { ["Date"] = ServerDate.ToString("r", CultureInfo.InvariantCulture) };
        foreach (var (name, value) in headers)
        {
            all[name] = value;
        }

        return all;
    }

    [Fact]
    public async Task A_5xx_burst_then_success_is_retried_with_exponential_jittered_backoff()
    {
        Sim.Faults.On("GET", "/v1/thing").Times(3, Fault.Status(503));

        var response = await Pipeline().GetThingAsync(TestContext.Current.CancellationToken);

        Assert.Equal("t1", response.Value.Id);
        Assert.Equal(4, response.Attempts);
        Assert.Equal(4, Sim.Journal.Count);
        var delays = _clock.AutoAdvancedDelays;
        Assert.Equal(3, delays.Count);
        Assert.InRange(delays[0].TotalMilliseconds, 400, 600);
        Assert.InRange(delays[1].TotalMilliseconds, 800, 1200);
        Assert.InRange(delays[2].TotalMilliseconds, 1600, 2400);
    }

    [Fact]
    public async Task The_backoff_is_capped_by_RetryMaxDelay()
    {
        Sim.Faults.On("GET", "/v1/thing").Times(5, Fault.Status(500));

        await Pipeline(o => o.MaxRetries = 5).GetThingAsync(TestContext.Current.CancellationToken);

        Assert.Equal(5, _clock.AutoAdvancedDelays.Count);
        Assert.All(_clock.AutoAdvancedDelays.Skip(3), d => Assert.InRange(d, TimeSpan.FromSeconds(3.2), TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public async Task Exhausted_retries_end_in_the_typed_error_of_the_last_attempt()
    {
        Sim.Faults.On("GET", "/v1/thing").Always(Fault.Status(502, """{"error":"bad_gateway","message":"upstream down"}"""));

        var error = await Assert.ThrowsAsync<ChatApiServerException>(() => Pipeline(o => o.MaxRetries = 2).GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Equal("bad_gateway", error.ErrorCode);
        Assert.Equal(3, Sim.Journal.Count);
    }

    [Fact]
    public async Task A_429_waits_the_Retry_After_seconds()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(429, headers: Dated(("Retry-After", "7"))));

        var response = await Pipeline().GetThingAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, response.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(7)], _clock.AutoAdvancedDelays);
    }

    [Fact]
    public async Task A_429_waits_until_an_http_date_Retry_After()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(429, headers: Dated(("Retry-After", ServerDate.AddSeconds(12).ToString("r", CultureInfo.InvariantCulture)))));

        await Pipeline().GetThingAsync(TestContext.Current.CancellationToken);

        Assert.Equal([TimeSpan.FromSeconds(12)], _clock.AutoAdvancedDelays);
    }

    [Fact]
    public async Task A_429_with_a_decimal_Retry_After_waits_that_long()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(429, headers: Dated(("Retry-After", "1.5"))));

        await Pipeline().GetThingAsync(TestContext.Current.CancellationToken);

        Assert.Equal([TimeSpan.FromSeconds(1.5)], _clock.AutoAdvancedDelays);
    }

    [Fact]
    public async Task A_429_with_a_past_Retry_After_date_retries_at_once()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(429, headers: Dated(("Retry-After", ServerDate.AddMinutes(-3).ToString("r", CultureInfo.InvariantCulture)))));

        var response = await Pipeline().GetThingAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, response.Attempts);
        Assert.All(_clock.AutoAdvancedDelays, d => Assert.Equal(TimeSpan.Zero, d));
    }

    [Fact]
    public async Task A_429_with_garbage_Retry_After_falls_back_to_backoff()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(429, headers: Dated(("Retry-After", "whenever"))));

        await Pipeline().GetThingAsync(TestContext.Current.CancellationToken);

        Assert.InRange(Assert.Single(_clock.AutoAdvancedDelays).TotalMilliseconds, 400, 600);
    }

    [Fact]
    public async Task A_429_without_any_hint_falls_back_to_backoff()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(429));

        await Pipeline().GetThingAsync(TestContext.Current.CancellationToken);

        Assert.InRange(Assert.Single(_clock.AutoAdvancedDelays).TotalMilliseconds, 400, 600);
    }

    [Fact]
    public async Task A_429_waits_until_an_epoch_X_RateLimit_Reset_measured_against_the_Date_header()
    {
        var reset = ServerDate.AddSeconds(15).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(429, headers: Dated(("X-RateLimit-Limit", "120"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", reset))));

        await Pipeline().GetThingAsync(TestContext.Current.CancellationToken);

        Assert.Equal([TimeSpan.FromSeconds(15)], _clock.AutoAdvancedDelays);
    }

    [Fact]
    public async Task A_429_honours_retry_after_in_the_json_body()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(429, """{"message": "Too Many Attempts.", "retry_after": 60}"""));

        await Pipeline().GetThingAsync(TestContext.Current.CancellationToken);

        Assert.Equal([TimeSpan.FromSeconds(60)], _clock.AutoAdvancedDelays);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_MaxRetryAfter_fails_at_once_with_the_hint()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(429, """{"message":"Too Many Attempts."}""", headers: Dated(("Retry-After", "3600"), ("Request-Id", "req_123"))));

        var error = await Assert.ThrowsAsync<ChatApiRateLimitException>(() => Pipeline().GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Equal("req_123", error.RequestId);
        Assert.Null(error.ErrorCode);
        Assert.Contains("Too Many Attempts.", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Sim.Journal.Count);
        Assert.Empty(_clock.AutoAdvancedDelays);
    }

    [Fact]
    public async Task A_wait_that_would_pass_the_total_deadline_fails_at_once()
    {
        // The hint (15 min) is acceptable on its own but longer than what is left of a 10-minute deadline.
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(429, headers: Dated(("Retry-After", "900"))));

        var error = await Assert.ThrowsAsync<ChatApiRateLimitException>(() =>
            Pipeline(o => { o.TotalTimeout = TimeSpan.FromMinutes(10); o.MaxRetryAfter = TimeSpan.FromHours(1); })
                .GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Equal(TimeSpan.FromMinutes(15), error.RetryAfter);
        Assert.Empty(_clock.AutoAdvancedDelays);
        Assert.Equal(1, Sim.Journal.Count);
    }

    [Fact]
    public async Task A_keyless_POST_is_not_retried_after_a_500()
    {
        Sim.Faults.On("POST", "/v1/things").Once(Fault.Status(500));

        var error = await Assert.ThrowsAsync<ChatApiServerException>(() => Pipeline().CreateThingAsync("x", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(1, Sim.Journal.Count);
    }

    [Fact]
    public async Task A_POST_with_an_idempotency_key_is_retried_with_the_same_key_and_body()
    {
        Sim.Faults.On("POST", "/v1/things").Times(2, Fault.Status(503));

        var response = await Pipeline().CreateThingKeyedAsync("x", new RequestOptions { IdempotencyKey = "key-123" }, TestContext.Current.CancellationToken);

        Assert.Equal("key-123", response.IdempotencyKey);
        Assert.Equal(3, Sim.Journal.Count);
        Assert.All(Sim.Journal.Requests, r => Assert.Equal("key-123", r.Headers["Idempotency-Key"]));
        Assert.All(Sim.Journal.Requests, r => Assert.Equal("""{"name":"x"}""", r.Body));
    }

    [Fact]
    public async Task A_keyless_POST_is_retried_after_a_429_because_the_server_did_not_act()
    {
        Sim.Faults.On("POST", "/v1/things").Once(Fault.Status(429, headers: Dated(("Retry-After", "1"))));

        var response = await Pipeline().CreateThingAsync("x", TestContext.Current.CancellationToken);

        Assert.Equal(2, response.Attempts);
        Assert.Equal(1, Sim.CreatedCount);
    }

    [Fact]
    public async Task A_keyless_POST_whose_response_is_lost_is_not_retried_and_the_outcome_is_unknown()
    {
        Sim.Faults.On("POST", "/v1/things").Once(Fault.DropResponseAfterProcessing());

        var error = await Assert.ThrowsAsync<ChatApiTransportException>(() => Pipeline().CreateThingAsync("x", TestContext.Current.CancellationToken));

        Assert.True(error.RequestMayHaveReachedServer);
        Assert.False(error.IsTimeout);
        Assert.Contains("outcome is unknown", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Sim.CreatedCount);
        Assert.Equal(1, Sim.Journal.Count);
    }

    [Fact]
    public async Task A_keyed_POST_whose_response_is_lost_is_retried()
    {
        Sim.Faults.On("POST", "/v1/things").Once(Fault.DropResponseAfterProcessing());

        var response = await Pipeline().CreateThingKeyedAsync("x", new RequestOptions { IdempotencyKey = "k" }, TestContext.Current.CancellationToken);

        Assert.Equal(2, response.Attempts);
    }

    [Fact]
    public async Task A_404_is_not_retried()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(404, """{"error":"Thing not found","message":"No such thing."}"""));

        var error = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => Pipeline().GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Equal("Thing not found", error.ErrorCode);
        Assert.Equal($"Test GET thing ({Sim.BaseAddress}v1/thing) failed with 404 NotFound: Thing not found (No such thing.)", error.Message);
        Assert.Equal(1, Sim.Journal.Count);
    }

    [Fact]
    public async Task Connection_refused_is_retried_even_for_a_POST_because_nothing_was_sent()
    {
        using var closed = new ClosedLoopbackPort();
        var pipeline = new ChatApiPipeline(ChatApis.DependencyInjection.ChatApiHttp.CreateHandler(), TestVendor.Profile(), new ChatApiClientOptions
        {
            BaseAddress = new Uri(closed.BaseAddress, "v1/"),
            MaxRetries = 2,
            AttemptTimeout = TimeSpan.FromHours(1),
            TotalTimeout = TimeSpan.FromHours(2),
        }, null, _clock);

        var error = await Assert.ThrowsAsync<ChatApiTransportException>(() => pipeline.CreateThingAsync("x", TestContext.Current.CancellationToken));

        Assert.False(error.RequestMayHaveReachedServer);
        Assert.Contains("never reached the server", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _clock.AutoAdvancedDelays.Count);
    }

    [Fact]
    public async Task With_MaxRetries_zero_nothing_is_retried()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(503));

        await Assert.ThrowsAsync<ChatApiServerException>(() => Pipeline(o => o.MaxRetries = 0).GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Equal(1, Sim.Journal.Count);
    }
}
