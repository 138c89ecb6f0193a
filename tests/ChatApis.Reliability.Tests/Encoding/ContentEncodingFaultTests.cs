using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.Vertext;
using ChatApis.Vertext;

// Not ".Encoding": that namespace would hide System.Text.Encoding from the rest of the suite.
namespace ChatApis.Reliability.Tests.ContentEncodingFaults;

/// <summary>
/// A server (or a proxy in front of it) labels a plain body <c>Content-Encoding: gzip</c> or <c>br</c>.
/// On a success the call ends in ChatApiInvalidResponseException, on an error status in the typed status
/// error with the body unreadable, on a call whose body is discarded in ChatApiInvalidResponseException:
/// never the decoder's raw InvalidDataException or InvalidOperationException.
/// </summary>
public class ContentEncodingFaultTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var surface in Surfaces.All)
        {
            foreach (var encoding in new[] { "gzip", "br" })
            {
                data.Add(surface.Name, encoding);
            }
        }

        return data;
    }

    private static Dictionary<string, string> Labelled(string encoding) => new() { ["Content-Encoding"] = encoding };

    private static ClientSettings Settings => new() { Time = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromMinutes(1) } };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_mislabelled_200_body_is_an_invalid_response(string surfaceName, string encoding)
    {
        var surface = Surfaces.ByName(surfaceName);
        await using var sim = surface.CreateSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        using var client = surface.CreateClient(surface.ApiBase(sim), Settings);
        var call = surface.Read;
        sim.Faults.On(call.Method, call.Path).Once(Fault.Status(200, """{"id":"1","ok":true,"data":[]}""", headers: Labelled(encoding)));

        var (_, error) = await Bounded.RunAsync(() => call.Invoke(client, CancellationToken.None));

        var invalid = Assert.IsType<ChatApiInvalidResponseException>(error);
        Assert.Equal(200, (int)invalid.StatusCode!.Value);
        Assert.Contains($"labelled Content-Encoding '{encoding}'", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(1, invalid.Attempts);
        Assert.Single(sim.Journal.Where(call.Method, call.Path));
        Counts.Add("content-encoding faults: typed");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_mislabelled_500_body_is_the_typed_server_error_with_the_body_unreadable(string surfaceName, string encoding)
    {
        var surface = Surfaces.ByName(surfaceName);
        await using var sim = surface.CreateSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        using var client = surface.CreateClient(surface.ApiBase(sim), Settings);
        var call = surface.Read;
        sim.Faults.On(call.Method, call.Path).Always(Fault.Status(500, surface.ErrorBody("server_error", "boom"), headers: Labelled(encoding)));

        var (_, error) = await Bounded.RunAsync(() => call.Invoke(client, CancellationToken.None));

        var server = Assert.IsType<ChatApiServerException>(error);
        Assert.Equal(500, (int)server.StatusCode!.Value);
        Assert.Null(server.RawBody);
        Assert.Null(server.ErrorCode);

        // The read is retry-safe: the first attempt and MaxRetries (3) retries, every one answered the same way.
        Assert.Equal(4, server.Attempts);
        Assert.Equal(4, sim.Journal.Where(call.Method, call.Path).Count);
        Assert.Contains("after 4 attempts", server.Message, StringComparison.Ordinal);
        Counts.Add("content-encoding faults: typed");
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_mislabelled_body_on_a_call_that_discards_it_is_an_invalid_response(string encoding)
    {
        await using var sim = Surfaces.Vertext.CreateSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        using var client = (VertextClient)Surfaces.Vertext.CreateClient(Surfaces.Vertext.ApiBase(sim), Settings);
        var path = $"/chatbots/{VertextSimulator.DemoChatbotId}/zapier_subscriptions/sub_1";
        sim.Faults.On("DELETE", path).Once(Fault.Status(200, """{"deleted":true}""", headers: Labelled(encoding)));

        var (_, error) = await Bounded.RunAsync(async () => await client.UnsubscribeWebhookAsync(VertextSimulator.DemoChatbotId, "sub_1", cancellationToken: CancellationToken.None));

        var invalid = Assert.IsType<ChatApiInvalidResponseException>(error);
        Assert.Equal(200, (int)invalid.StatusCode!.Value);
        Assert.Contains($"labelled Content-Encoding '{encoding}'", invalid.Message, StringComparison.Ordinal);
        Assert.Single(sim.Journal.Where("DELETE", path));
        Counts.Add("content-encoding faults: typed");
    }
}
