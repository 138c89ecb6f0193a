using System.Net;
using System.Text.RegularExpressions;
using ChatApis.Core.Tests.Support;
using ChatApis.Http;
using ChatApis.Testing;

namespace ChatApis.Core.Tests.Http;

/// <summary>
/// What the call handler and the pipeline put on the wire for a Refit call, and what they refuse to send:
/// the User-Agent, the caller's per-call headers and timeout, the idempotency key, a wire contract that does
/// not match its operation, and a path value that is not exactly one segment.
/// </summary>
public partial class CallHandlerTests : SimulatorTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(10);

    private ChatApiPipeline Pipeline(Action<ChatApiClientOptions>? tweak = null, TimeProvider? time = null) => TestVendor.Pipeline(Sim, tweak, time);

    [GeneratedRegex(@"^ChatApis\.Test/\d+\.\d+\.\d+ \(\.NET \d+\.\d+\.\d+\)$")]
    private static partial Regex ProductToken();

    [Fact]
    public async Task The_User_Agent_names_the_vendor_package_and_runtime_and_ends_with_the_users_own()
    {
        using var client = new TestChatClient(TestChatVendor.Instance.CreateStandalonePipeline(TestVendor.Options(Sim, o => o.UserAgent = "SupportBridge/2.1"), null, null));

        await client.Calls.GetThingAsync(Ct);

        var sent = Sim.Journal.Last.Headers["User-Agent"];
        Assert.Matches(ProductToken(), TestChatVendor.Instance.UserAgent);
        Assert.Equal($"{TestChatVendor.Instance.UserAgent} SupportBridge/2.1", sent);
        Assert.Equal("Bearer tok_123", Sim.Journal.Last.Headers["Authorization"]);
    }

    [Fact]
    public async Task A_pipeline_built_directly_sends_the_same_User_Agent_shape()
    {
        await Pipeline(o => o.UserAgent = "SupportBridge/2.1").GetThingAsync(Ct);

        var sent = Sim.Journal.Last.Headers["User-Agent"];
        Assert.EndsWith(" SupportBridge/2.1", sent, StringComparison.Ordinal);
        Assert.Matches(ProductToken(), sent[..^" SupportBridge/2.1".Length]);
    }

    [Fact]
    public async Task Per_call_headers_are_sent_on_every_attempt()
    {
        Sim.Faults.On("GET", "/v1/thing").Once(Fault.Status(503));
        var options = new RequestOptions().AddHeader("X-Correlation-Id", "corr-42").AddHeader("X-Trace", "a b\tc");

        var response = await Pipeline().GetThingAsync(null, options, Ct);

        Assert.Equal(2, response.Attempts);
        Assert.Equal(2, Sim.Journal.Count);
        Assert.All(Sim.Journal.Requests, r => Assert.Equal("corr-42", r.Headers["X-Correlation-Id"]));
        Assert.All(Sim.Journal.Requests, r => Assert.Equal("a b\tc", r.Headers["X-Trace"]));
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("authorization")]
    [InlineData("Idempotency-Key")]
    [InlineData("X-API-Key")]
    [InlineData("Host")]
    [InlineData("Accept-Encoding")]
    public void A_header_the_SDK_owns_cannot_be_set_per_call(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new RequestOptions().AddHeader(name, "v"));

        Assert.Equal("name", error.ParamName);
        Assert.Contains("set by the SDK", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X-Bad\r\nX-Injected", "v", "name")]
    [InlineData("X Bad", "v", "name")]
    [InlineData("X-Ok", "v\r\nX-Injected: yes", "value")]
    [InlineData("X-Ok", "v\nX-Injected: yes", "value")]
    [InlineData("X-Ok", "v\u0000", "value")]
    [InlineData("X-Ok", "caf\u00E9", "value")]
    public void A_header_name_or_value_that_could_add_a_header_line_is_refused(string name, string value, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => new RequestOptions().AddHeader(name, value));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public async Task RequestOptions_Timeout_bounds_the_whole_call_instead_of_the_clients_total()
    {
        Sim.Faults.On("GET", "/v1/thing").Always(Fault.Hang());
        var clock = new ManualTimeProvider();
        var call = Pipeline(o => { o.AttemptTimeout = TimeSpan.FromHours(1); o.TotalTimeout = TimeSpan.FromHours(2); }, clock)
            .GetThingAsync(null, new RequestOptions { Timeout = TimeSpan.FromSeconds(5) }, Ct);
        await WaitForRequestsAsync(1);

        clock.Advance(TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<ChatApiTransportException>(() => call.WaitAsync(HangGuard, Ct));

        Assert.True(error.IsTimeout);
        Assert.Contains("timed out after 1 attempt(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("total 00:00:05", error.Message, StringComparison.Ordinal);
        Assert.Equal($"Test GET thing ({Sim.BaseAddress}v1/thing) timed out after 1 attempt(s) (attempt timeout 01:00:00, total 00:00:05); it is safe to try again.", error.Message);
        Assert.Equal(1, Sim.Journal.Count);
    }

    [Fact]
    public async Task An_idempotency_key_on_an_operation_that_takes_none_is_refused_before_anything_is_sent()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Pipeline().GetThingAsync(null, new RequestOptions { IdempotencyKey = "key-1" }, Ct));
        var post = await Assert.ThrowsAsync<ArgumentException>(() => Pipeline().CreateThingAsync(TestOperations.CreateThing, "x", new RequestOptions { IdempotencyKey = "key-1" }, Ct));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("GET thing does not take an idempotency key", error.Message, StringComparison.Ordinal);
        Assert.Equal("options", post.ParamName);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Fact]
    public async Task An_operation_that_takes_a_key_gets_one_per_call_reused_by_every_retry()
    {
        Sim.Faults.On("POST", "/v1/things").Times(2, Fault.Status(503));

        var response = await Pipeline().CreateThingKeyedAsync("x", null, Ct);

        Assert.Equal(3, response.Attempts);
        Assert.Matches("^[0-9a-f]{32}$", response.IdempotencyKey);
        Assert.Equal(3, Sim.Journal.Count);
        Assert.All(Sim.Journal.Requests, r => Assert.Equal(response.IdempotencyKey, r.Headers["Idempotency-Key"]));
        Assert.All(Sim.Journal.Requests, r => Assert.Equal("""{"name":"x"}""", r.Body));

        // The next call is another logical call: another key.
        var next = await Pipeline().CreateThingKeyedAsync("y", null, Ct);
        Assert.NotEqual(response.IdempotencyKey, next.IdempotencyKey);
        Assert.Equal(next.IdempotencyKey, Sim.Journal.Last.Headers["Idempotency-Key"]);
    }

    [Fact]
    public async Task A_keyless_operation_sends_no_idempotency_header()
    {
        var response = await Pipeline().CreateThingAsync("x", Ct);

        Assert.Null(response.IdempotencyKey);
        Assert.False(Sim.Journal.Last.Headers.ContainsKey("Idempotency-Key"));
    }

    [Fact]
    public async Task A_Refit_method_whose_path_differs_from_the_operation_is_refused_before_sending()
    {
        var pipeline = Pipeline();
        var api = pipeline.Api();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            pipeline.SendAsync(TestOperations.GetThing, (call, ct) => api.GetSecure(call, ct), TestJsonContext.Default.Thing, null, Ct));

        Assert.Contains("The wire contract and the operation disagree", error.Message, StringComparison.Ordinal);
        Assert.Contains("GET secure", error.Message, StringComparison.Ordinal);
        Assert.Contains("GET thing", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Fact]
    public async Task A_Refit_method_whose_HTTP_method_differs_from_the_operation_is_refused_before_sending()
    {
        var pipeline = Pipeline();
        var api = pipeline.Api();
        var deleteThing = new ApiOperation(HttpMethod.Delete, TestPaths.Thing);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            pipeline.SendAsync(deleteThing, (call, ct) => api.GetThing(null, call, ct), null, Ct));

        Assert.Contains("the request is GET thing, the operation DELETE thing", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    public async Task A_path_value_that_a_URI_would_resolve_away_never_reaches_the_server(string id)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Pipeline().DeleteThingAsync(id, Ct));

        Assert.Contains("DELETE things/{id}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("things/.", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Theory]
    [InlineData("a b;c", "/v1/things/a%20b%3Bc")]
    [InlineData("report.v2...final", "/v1/things/report.v2...final")]
    [InlineData("50%off", "/v1/things/50%25off")]
    [InlineData("%2e%2e", "/v1/things/%252e%252e")]
    [InlineData("a/b", "/v1/things/a%2Fb")]
    public async Task A_path_value_is_escaped_as_exactly_one_segment(string id, string path)
    {
        await Pipeline().DeleteThingAsync(id, Ct);

        Assert.Equal(path, Sim.Journal.Last.Path);
    }

    [Fact]
    public async Task Null_query_values_are_left_out_and_instants_are_ISO_8601_in_UTC()
    {
        await Pipeline().GetTimelineAsync(5, null, Ct);
        await Pipeline().GetTimelineAsync(5, new DateTimeOffset(2025, 1, 20, 17, 0, 0, TimeSpan.FromHours(1)), Ct);
        await Pipeline().GetTimelineAsync(5, new DateTimeOffset(2025, 1, 20, 16, 0, 15, 123, TimeSpan.Zero), Ct);

        Assert.Equal(
            ["?per_page=5", "?per_page=5&created_to=2025-01-20T16%3A00%3A00Z", "?per_page=5&created_to=2025-01-20T16%3A00%3A15.123Z"],
            Sim.Journal.Requests.Select(r => r.QueryString));
    }

    [Fact]
    public async Task A_template_starting_with_a_slash_resolves_against_the_host_root_without_credentials()
    {
        var pipeline = TestVendor.Pipeline(Sim, handlers: new ChatApis.Auth.BearerTokenHandler("tok_123"));

        var response = await pipeline.RefreshTokenAsync(Sim.CurrentRefreshToken, Ct);

        var sent = Sim.Journal.Last;
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/oauth/token", sent.Path);
        Assert.False(sent.Headers.ContainsKey("Authorization"));
        Assert.StartsWith("application/json", sent.ContentType, StringComparison.Ordinal);
        Assert.Equal("""{"grant_type":"refresh_token","refresh_token":"refresh-0"}""", sent.Body);
        Assert.Equal("access-1", response.Value.AccessToken);
    }

    [Fact]
    public void Methods_that_repeat_harmlessly_and_keyed_or_marked_operations_are_retry_safe()
    {
        Assert.True(new ApiOperation(HttpMethod.Get, "x").IsRetrySafe);
        Assert.True(new ApiOperation(HttpMethod.Delete, "x").IsRetrySafe);
        Assert.True(new ApiOperation(HttpMethod.Put, "x").IsRetrySafe);
        Assert.False(new ApiOperation(HttpMethod.Post, "x").IsRetrySafe);
        Assert.False(new ApiOperation(HttpMethod.Patch, "x").IsRetrySafe);
        Assert.True(new ApiOperation(HttpMethod.Patch, "x") { Idempotent = true }.IsRetrySafe);
        Assert.True(new ApiOperation(HttpMethod.Post, "x") { AcceptsIdempotencyKey = true }.IsRetrySafe);
        Assert.Equal("POST chats/{chat_id}/conversations", new ApiOperation(HttpMethod.Post, "chats/{chat_id}/conversations").ToString());
    }

    // Waits, bounded, until the server holds `count` requests: on a busy machine they may take a while to arrive.
    private async Task WaitForRequestsAsync(int count)
    {
        using var arrival = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        arrival.CancelAfter(HangGuard);
        while (Sim.Journal.Count < count)
        {
            Assert.False(arrival.IsCancellationRequested, $"{count} request(s) did not reach the server within {HangGuard}.");
            await Task.Delay(5, CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_success_keeps_the_status_and_attempts()
    {
        var response = await Pipeline().GetThingAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, response.Attempts);
        Assert.Equal("GET", Sim.Journal.Last.Method);
        Assert.Equal("/v1/thing", Sim.Journal.Last.Path);
        Assert.Equal(string.Empty, Sim.Journal.Last.QueryString);
    }
}
