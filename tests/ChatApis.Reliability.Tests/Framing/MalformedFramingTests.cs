using System.Text;
using ChatApis.Http;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;

namespace ChatApis.Reliability.Tests.Framing;

/// <summary>
/// Malformed HTTP framing from a raw-socket server, on every surface: every outcome is a typed
/// <see cref="ChatApiException"/> (transport or invalid response) or the exact parse of the genuine
/// answer; never a raw exception, a hang, or a smuggled response taken for the answer to a later request.
/// </summary>
public class MalformedFramingTests
{
    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var surface in Surfaces.All)
            {
                foreach (var framing in FramingCase.All)
                {
                    data.Add(surface.Name, framing.Name);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Malformed_framing_ends_in_a_typed_error_or_the_exact_parse(string surfaceName, string caseName)
    {
        var surface = Surfaces.ByName(surfaceName);
        var framing = FramingCase.ByName(caseName);
        var genuine = await GenuineResponse.Of(surface);
        await using var server = new RawHttpServer(async c =>
        {
            if (await c.ReadRequestAsync() is not null)
            {
                await framing.Answer(c, genuine);
                await c.HoldAsync();
            }
        });

        // Retries pass at once on the manual clock; the attempt timeout (10 minutes) never fires, so a
        // client that waits for bytes that never come hangs and fails the case.
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
        var settings = new ClientSettings { Time = clock };
        using var client = surface.CreateClient(server.ApiBaseFor(surface), settings);

        var (value, error) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));

        var requests = server.Requests;
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.Equal((surface.Read.Method, surface.Read.Path), (r.Method, r.Path)));
        Assert.Empty(server.ScriptErrors);
        switch (framing.Expected)
        {
            case FramingOutcome.Parsed:
                Assert.True(error is null, $"{surface} under {framing}: expected the genuine answer, got {error}");
                var response = Assert.IsAssignableFrom<ApiResponse>(value);
                Assert.Equal(genuine.Status, (int)response.StatusCode);
                Assert.Equal(1, response.Attempts);
                Assert.Equal(genuine.Parsed, GenuineResponse.Snapshot(value));
                Assert.Single(requests);
                break;
            case FramingOutcome.Transport:
                var transport = Assert.IsType<ChatApiTransportException>(error, exactMatch: false);
                Assert.True(transport.RequestMayHaveReachedServer);
                Assert.False(transport.IsTimeout);

                // The read is retry-safe, so every attempt was made, each on a fresh connection. (At least:
                // when a connection closes before any response byte, SocketsHttpHandler itself re-sends a
                // request without a body up to 3 more times, so "nothing-then-close" sees 4 x 4 requests.)
                Assert.True(requests.Count >= settings.MaxRetries + 1, $"{requests.Count} requests: {transport}");
                Assert.Equal(requests.Count, requests.Select(r => r.Connection).Distinct().Count());
                break;
            case FramingOutcome.Invalid:
                var invalid = Assert.IsType<ChatApiInvalidResponseException>(error, exactMatch: false);
                Assert.Equal(genuine.Status, (int)invalid.StatusCode!);
                Assert.Single(requests);
                break;
        }

        Counts.Add("framing: malformed responses from a raw socket");
    }

    public static TheoryData<string, bool> SmuggleCases
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var surface in Surfaces.All)
            {
                data.Add(surface.Name, true);
                data.Add(surface.Name, false);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SmuggleCases))]
    public async Task A_response_smuggled_after_the_first_is_never_the_answer_to_the_next_request(string surfaceName, bool sameSegment)
    {
        var surface = Surfaces.ByName(surfaceName);
        var genuine = await GenuineResponse.Of(surface);
        var answer = Encoding.ASCII.GetBytes(genuine.Head($"Content-Length: {genuine.Body.Length}")).Concat(genuine.Body).ToArray();

        // The smuggled answer is well-formed and parses: only its status (203) tells it apart.
        var smuggled = Encoding.ASCII.GetBytes($"HTTP/1.1 203 Non-Authoritative Information\r\nContent-Type: {genuine.ContentType}\r\nContent-Length: {genuine.Body.Length}\r\n\r\n")
            .Concat(genuine.Body).ToArray();
        var answered = 0;
        var smuggledSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = new RawHttpServer(async c =>
        {
            while (await c.ReadRequestAsync() is not null)
            {
                if (Interlocked.Increment(ref answered) == 1)
                {
                    if (sameSegment)
                    {
                        await c.WriteAsync(answer.Concat(smuggled).ToArray());
                    }
                    else
                    {
                        await c.WriteAsync(answer);
                        await c.WriteAsync(smuggled);
                    }

                    smuggledSent.TrySetResult();
                }
                else
                {
                    await c.WriteAsync(answer);
                }
            }
        });
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
        using var client = surface.CreateClient(server.ApiBaseFor(surface), new ClientSettings { Time = clock });

        var (first, firstError) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));

        // The next call starts once the smuggled bytes are on the client's side of the connection. (Bytes
        // that arrive only after the client has sent its next request on that connection are, in HTTP/1.1,
        // indistinguishable from the answer to it: no client can refuse those without giving up keep-alive.)
        await smuggledSent.Task.WaitAsync(Bounded.Limit, TestContext.Current.CancellationToken);
        var (second, secondError) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));

        Assert.Null(firstError);
        Assert.Null(secondError);
        foreach (var result in new[] { first, second })
        {
            var response = Assert.IsAssignableFrom<ApiResponse>(result);
            Assert.Equal(genuine.Status, (int)response.StatusCode);
            Assert.Equal(1, response.Attempts);
            Assert.Equal(genuine.Parsed, GenuineResponse.Snapshot(result));
        }

        // The second call really asked the server: its answer is the server's reply to it, not the bytes
        // left over on the first connection.
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal((surface.Read.Method, surface.Read.Path), (r.Method, r.Path)));
        Assert.Empty(server.ScriptErrors);
        Counts.Add("framing: smuggled responses");
    }
}
