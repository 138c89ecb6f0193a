using System.Net;
using System.Text;
using ChatApis.Testing;
using ChatApis.Testing.Tests.Support;

namespace ChatApis.Testing.Tests.Faults;

/// <summary>Faults that break the connection or tamper with the endpoint's response.</summary>
public sealed class ResponseFaultTests : SimulatorTest
{
    private static readonly TimeSpan ClientPatience = TimeSpan.FromMilliseconds(300);

    // A bound on awaits that could hang, so a broken fault fails its test instead of the run.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Abort_resets_the_connection_without_running_the_endpoint()
    {
        Sim.Faults.On("POST", "/items").Once(Fault.Abort());

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.PostAsync("items", JsonContent("{}"), Ct));

        Assert.Equal(0, Sim.Created);
        Assert.Equal(1, Sim.Journal.Count);
        using var retry = await Client.PostAsync("items", JsonContent("{}"), Ct);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(1, Sim.Created);
    }

    [Fact]
    public async Task DropResponseAfterProcessing_runs_the_endpoint_but_the_client_never_sees_the_response()
    {
        Sim.Faults.On("POST", "/items").Once(Fault.DropResponseAfterProcessing());

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.PostAsync("items", JsonContent("""{"n":1}"""), Ct));

        Assert.Equal(1, Sim.Created);
        Assert.Equal("""{"n":1}""", Sim.LastPostedBody);
        using var retry = await Client.PostAsync("items", JsonContent("""{"n":1}"""), Ct);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("""{"id":"itm_2"}""", await retry.Content.ReadAsStringAsync(Ct));
        Assert.Equal(2, Sim.Created);
    }

    [Fact]
    public async Task DropResponseAfterProcessing_leaks_nothing_even_when_the_endpoint_flushes()
    {
        Sim.Faults.On("GET", "/stream").Once(Fault.DropResponseAfterProcessing());

        var error = await Assert.ThrowsAsync<HttpRequestException>(
            () => Client.GetAsync("stream", HttpCompletionOption.ResponseHeadersRead, Ct));

        Assert.NotNull(error);
        Assert.Equal(ItemsSimulator.StreamedBody, await Client.GetStringAsync("stream", Ct));
    }

    [Fact]
    public async Task TruncateBody_fails_a_client_that_reads_the_whole_body()
    {
        Sim.Faults.On("GET", "/items").Once(Fault.TruncateBody(10));

        await Assert.ThrowsAsync<HttpRequestException>(() => Client.GetAsync("items", Ct));
    }

    [Fact]
    public async Task TruncateBody_sends_the_real_headers_and_only_the_first_bytes()
    {
        Sim.Faults.On("GET", "/items").Once(Fault.TruncateBody(10));

        using var response = await Client.GetAsync("items", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ItemsSimulator.ItemsJson.Length, response.Content.Headers.ContentLength);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        var received = new MemoryStream();
        var buffer = new byte[256];
        await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            int read;
            while ((read = await body.ReadAsync(buffer, Ct)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        });

        Assert.Equal(ItemsSimulator.ItemsJson[..10], Encoding.UTF8.GetString(received.ToArray()));
    }

    [Fact]
    public async Task TruncateBody_zero_sends_the_headers_and_no_body()
    {
        Sim.Faults.On("POST", "/items").Once(Fault.TruncateBody(0));

        using var request = new HttpRequestMessage(HttpMethod.Post, "items") { Content = JsonContent("{}") };
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("""{"id":"itm_1"}""".Length, response.Content.Headers.ContentLength);

        await Assert.ThrowsAsync<HttpRequestException>(() => response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(1, Sim.Created);
    }

    [Fact]
    public async Task ReplaceBody_keeps_the_status_and_swaps_the_body_after_the_endpoint_ran()
    {
        Sim.Faults.On("POST", "/items").Once(Fault.ReplaceBody("{not json"));

        using var response = await Client.PostAsync("items", JsonContent("{}"), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(9, response.Content.Headers.ContentLength);
        Assert.Equal("{not json", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, Sim.Created);
    }

    [Fact]
    public async Task ReplaceBody_can_empty_the_body_and_change_the_content_type_of_a_streamed_response()
    {
        Sim.Faults.On("GET", "/stream").Once(Fault.ReplaceBody("", "application/problem+json"));

        using var response = await Client.GetAsync("stream", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Equal("", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task StallBody_sends_headers_and_the_first_bytes_then_nothing()
    {
        Sim.Faults.On("GET", "/items").Once(Fault.StallBody(5));

        using var response = await Client.GetAsync("items", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ItemsSimulator.ItemsJson.Length, response.Content.Headers.ContentLength);

        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        var first = new byte[5];
        await body.ReadExactlyAsync(first, Ct);
        Assert.Equal(ItemsSimulator.ItemsJson[..5], Encoding.UTF8.GetString(first));

        // Nothing more arrives and the connection stays open: the read can only end by the client giving up
        // (more bytes, an end of stream or a broken connection would each end it otherwise).
        using var patience = new CancellationTokenSource(ClientPatience);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            var read = await body.ReadAsync(new byte[16], patience.Token);
            Assert.Fail($"Read {read} more bytes after the stall.");
        });
        Assert.True(patience.IsCancellationRequested);
    }

    [Fact]
    public async Task StallBody_keeps_a_client_reading_the_whole_body_waiting_until_its_timeout()
    {
        Sim.Faults.On("POST", "/items").Once(Fault.StallBody(100));
        using var patience = new CancellationTokenSource(ClientPatience);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.PostAsync("items", JsonContent("{}"), patience.Token));

        Assert.True(patience.IsCancellationRequested);
        Assert.Equal(1, Sim.Created);
    }

    [Fact]
    public async Task SlowBody_delivers_the_whole_body_one_byte_per_pause()
    {
        // On a manual clock each byte waits for the test to advance it: what the client has received is
        // exact at every step, with no timing involved.
        var clock = new ManualTimeProvider();
        var perByte = TimeSpan.FromMilliseconds(25);
        Sim.Faults.On("GET", "/short").Once(Fault.SlowBody(perByte, clock));
        var expected = Encoding.UTF8.GetBytes("""{"ok":1}""");

        using var response = await Client.GetAsync("short", HttpCompletionOption.ResponseHeadersRead, Ct).WaitAsync(Guard, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected.Length, response.Content.Headers.ContentLength);
        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        var received = new List<byte>();
        var buffer = new byte[16];
        for (var i = 0; i < expected.Length; i++)
        {
            if (i > 0)
            {
                // The server has sent byte i - 1 and waits on the clock for the next one.
                await WaitUntilAsync(() => clock.PendingTimerCount == 1);
                clock.Advance(perByte);
            }

            var read = await body.ReadAsync(buffer, Ct).AsTask().WaitAsync(Guard, Ct);
            Assert.Equal(1, read);
            received.Add(buffer[0]);
        }

        Assert.Equal(0, await body.ReadAsync(buffer, Ct).AsTask().WaitAsync(Guard, Ct));
        Assert.Equal(expected, received);
        Assert.Equal(ManualTimeProvider.DefaultStart + perByte * (expected.Length - 1), clock.GetUtcNow());
    }

    [Fact]
    public async Task SlowBody_trips_a_client_timeout_shorter_than_the_trickle()
    {
        // The clock never moves, so only the first byte ever leaves: the client's patience must end the read.
        var clock = new ManualTimeProvider();
        Sim.Faults.On("GET", "/items").Once(Fault.SlowBody(TimeSpan.FromMilliseconds(50), clock));
        using var patience = new CancellationTokenSource(ClientPatience);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.GetStringAsync("items", patience.Token));

        Assert.True(patience.IsCancellationRequested);
    }

    [Fact]
    public async Task Hang_sends_nothing_and_never_runs_the_endpoint()
    {
        Sim.Faults.On("POST", "/items").Once(Fault.Hang());
        using var patience = new CancellationTokenSource(ClientPatience);

        // No response and no broken connection: only the client's own patience ends the call.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.PostAsync("items", JsonContent("{}"), patience.Token));

        Assert.True(patience.IsCancellationRequested);
        Assert.Equal(0, Sim.Created);
        Assert.Equal(1, Sim.Journal.Count);
    }

    [Fact]
    public async Task Delay_holds_the_request_then_lets_it_through()
    {
        var clock = new ManualTimeProvider();
        var delay = TimeSpan.FromMilliseconds(200);
        Sim.Faults.On("POST", "/items").Once(Fault.Delay(delay, clock));

        var post = Client.PostAsync("items", JsonContent("{}"), Ct);
        await WaitUntilAsync(() => clock.PendingTimerCount == 1);

        // Held on the clock: until it has moved the whole delay, the endpoint has not run.
        Assert.Equal(1, Sim.Journal.Count);
        clock.Advance(delay - TimeSpan.FromTicks(1));
        Assert.Equal(1, clock.PendingTimerCount);
        Assert.Equal(0, Sim.Created);
        Assert.False(post.IsCompleted);

        clock.Advance(TimeSpan.FromTicks(1));
        using var response = await post.WaitAsync(Guard, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("""{"id":"itm_1"}""", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, Sim.Created);
    }

    [Fact]
    public async Task Requests_without_a_fault_are_streamed_not_buffered()
    {
        // A rule exists but does not match. The gated endpoint only finishes after the test has seen its
        // first flush, which a buffered response could never deliver.
        Sim.Faults.On("GET", "/items").Always(Fault.Status(500));
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(TimeSpan.FromSeconds(5));

        using var response = await Client.GetAsync("gated", HttpCompletionOption.ResponseHeadersRead, patience.Token);
        await using var body = await response.Content.ReadAsStreamAsync(patience.Token);
        var first = new byte[5];
        await body.ReadExactlyAsync(first, patience.Token);
        Sim.Gate.SetResult();
        using var reader = new StreamReader(body);
        var rest = await reader.ReadToEndAsync(patience.Token);

        Assert.Equal("first", Encoding.UTF8.GetString(first));
        Assert.Equal("second", rest);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        guard.CancelAfter(Guard);
        while (!condition())
        {
            Assert.False(guard.IsCancellationRequested, $"The condition was not met within {Guard}.");
            await Task.Delay(5, CancellationToken.None);
        }
    }
}
