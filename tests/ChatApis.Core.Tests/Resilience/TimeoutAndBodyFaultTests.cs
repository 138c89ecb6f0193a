using System.Net;
using ChatApis.Core.Tests.Support;
using ChatApis.Http;
using ChatApis.Testing;

namespace ChatApis.Core.Tests.Resilience;

/// <summary>
/// Faults on the wire: timeouts, stalled and broken bodies, hostile bodies. Real time: the attempt
/// timeout is generous by default (a loaded machine must not turn a healthy retry into a timeout) and
/// short only in the tests where a timeout is what must happen.
/// </summary>
public class TimeoutAndBodyFaultTests : SimulatorTest
{
    private ChatApiPipeline Pipeline(Action<ChatApiClientOptions>? tweak = null, bool overInvoker = false)
    {
        void Configure(ChatApiClientOptions o)
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.TotalTimeout = TimeSpan.FromSeconds(30);
            tweak?.Invoke(o);
        }

        return overInvoker ? TestVendor.InvokerPipeline(Sim, Configure) : TestVendor.Pipeline(Sim, Configure);
    }

    private static void Short(ChatApiClientOptions o) => o.AttemptTimeout = TimeSpan.FromMilliseconds(300);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_response_is_cut_by_the_attempt_timeout_and_a_GET_is_retried(bool overInvoker)
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Hang());

        var response = await Pipeline(o => o.AttemptTimeout = TimeSpan.FromSeconds(1), overInvoker).GetThingAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, response.Attempts);
        Assert.Equal("t1", response.Value.Id);
    }

    [Fact]
    public async Task A_keyless_POST_that_times_out_is_not_retried_and_says_the_outcome_is_unknown()
    {
        Sim.Faults.On("POST", "/v1/things").Once(Fault.Hang());

        // The attempt timeout runs on a manual clock, moved only once the server holds the request: on a
        // busy machine a real 300 ms could pass before the POST even arrived.
        var clock = new ManualTimeProvider();
        var call = TestVendor.Pipeline(Sim, o => { o.AttemptTimeout = TimeSpan.FromSeconds(5); o.TotalTimeout = TimeSpan.FromSeconds(30); }, clock)
            .CreateThingAsync("x", TestContext.Current.CancellationToken);
        await WaitForFirstRequestAsync();

        clock.Advance(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<ChatApiTransportException>(() => call.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));

        Assert.True(error.IsTimeout);
        Assert.True(error.RequestMayHaveReachedServer);
        Assert.Contains("outcome is unknown", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Sim.Journal.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_stalled_body_is_cut_by_the_attempt_timeout(bool overInvoker)
    {
        Sim.Faults.On("GET", "/v1/thing").Always(Fault.StallBody(10));

        var error = await Assert.ThrowsAsync<ChatApiTransportException>(() => Pipeline(o => { Short(o); o.MaxRetries = 1; }, overInvoker).GetThingAsync(TestContext.Current.CancellationToken));

        Assert.True(error.IsTimeout);
        Assert.Equal(2, Sim.Journal.Count);
    }

    [Fact]
    public async Task A_body_at_one_byte_per_interval_is_cut_by_the_attempt_timeout()
    {
        Sim.Faults.On("GET", "/v1/thing").Always(Fault.SlowBody(TimeSpan.FromMilliseconds(100)));

        var error = await Assert.ThrowsAsync<ChatApiTransportException>(() => Pipeline(o => { Short(o); o.MaxRetries = 0; }).GetThingAsync(TestContext.Current.CancellationToken));

        Assert.True(error.IsTimeout);
    }

    [Fact]
    public async Task The_total_timeout_bounds_all_attempts()
    {
        Sim.Faults.On("GET", "/v1/thing").Always(Fault.Hang());

        var error = await Assert.ThrowsAsync<ChatApiTransportException>(() =>
            Pipeline(o => { Short(o); o.MaxRetries = 10; o.TotalTimeout = TimeSpan.FromMilliseconds(800); }).GetThingAsync(TestContext.Current.CancellationToken)
                .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

        // Counted, not timed: each attempt lasts its full 300 ms, so within 800 ms at most three can start,
        // where the retries alone would allow eleven. However slow the machine, no more attempts fit.
        Assert.True(error.IsTimeout);
        Assert.InRange(Sim.Journal.Count, 1, 3);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_callers_cancellation_is_not_a_timeout_and_is_not_retried(bool overInvoker)
    {
        Sim.Faults.On("GET", "/v1/thing").Always(Fault.Hang());
        using var cancel = new CancellationTokenSource();

        var call = Pipeline(overInvoker: overInvoker).GetThingAsync(cancel.Token);
        await WaitForFirstRequestAsync();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));

        // A wrongly retried request would already be on its way when the call ends; a short pause lets it
        // reach the journal. It can only hide such a retry on a very slow machine, never fail a correct client.
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Equal(1, Sim.Journal.Count);
    }

    // Waits, bounded, until the server holds the first request: on a busy machine it may take a while to arrive.
    private async Task WaitForFirstRequestAsync()
    {
        using var arrival = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        arrival.CancelAfter(TimeSpan.FromSeconds(10));
        while (Sim.Journal.Count == 0)
        {
            Assert.False(arrival.IsCancellationRequested, "The request did not reach the server within 10 s.");
            await Task.Delay(5, CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_connection_reset_before_the_response_is_retried_for_a_GET()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Abort());

        var response = await Pipeline().GetThingAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, response.Attempts);
    }

    [Fact]
    public async Task A_body_cut_in_the_middle_is_a_transport_error_and_a_GET_is_retried()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.TruncateBody(12));

        var response = await Pipeline().GetThingAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, response.Attempts);
        Assert.Equal("Thing", response.Value.Name);
    }

    [Fact]
    public async Task A_body_cut_in_the_middle_of_a_keyless_POST_is_not_retried()
    {
        Sim.Faults.On("POST", "/v1/things").Once(Fault.TruncateBody(5));

        var error = await Assert.ThrowsAsync<ChatApiTransportException>(() => Pipeline().CreateThingAsync("x", TestContext.Current.CancellationToken));

        Assert.True(error.RequestMayHaveReachedServer);
        Assert.Equal(1, Sim.CreatedCount);
    }

    [Theory]
    [InlineData("{\"id\": \"t1\", \"name\": ")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"id\": 12, \"count\": \"many\"}")]
    public async Task A_malformed_success_body_is_a_typed_invalid_response_with_the_status_kept(string body)
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.ReplaceBody(body));

        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => Pipeline().GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public async Task An_empty_body_on_200_is_a_typed_invalid_response()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.ReplaceBody(""));

        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => Pipeline().GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task A_json_null_body_is_a_typed_invalid_response()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.ReplaceBody("null"));

        await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => Pipeline().GetThingAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_204_is_a_success_for_a_call_without_a_body()
    {
        var response = await Pipeline().DeleteThingAsync("a b", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("/v1/things/a%20b", Sim.Journal.Last.Path);
    }

    [Fact]
    public async Task An_html_502_from_a_proxy_becomes_a_server_error_with_the_status_and_raw_body_kept()
    {
        Sim.Faults.On("GET", "/v1/thing").Always(Fault.Html(502));

        var error = await Assert.ThrowsAsync<ChatApiServerException>(() => Pipeline(o => o.MaxRetries = 1).GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Contains("<", error.RawBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, Sim.Journal.Count);
    }

    [Fact]
    public async Task An_oversize_body_is_refused_without_being_buffered()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.OversizeBody(200_000));

        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => Pipeline(o => o.MaxResponseBytes = 64 * 1024).GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Contains("size limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_is_never_followed_and_says_where_it_pointed()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Redirect("http://evil.example/steal"));

        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() => Pipeline().GetThingAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Found, error.StatusCode);
        Assert.Contains("http://evil.example", error.Message, StringComparison.Ordinal);
        Assert.Contains("not followed", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Sim.Journal.Count);
    }
}
