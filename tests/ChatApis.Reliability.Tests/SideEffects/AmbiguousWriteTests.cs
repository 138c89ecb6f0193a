using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Reliability.Tests.SideEffects;

/// <summary>
/// AssistLoop's reply and Zipchat's send-message have no idempotency key: after a failure where the
/// server may have acted, the SDK must not send them again, and must tell the caller the outcome is unknown.
/// </summary>
public class AmbiguousWriteTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var surface in new[] { Surfaces.AssistLoopZapier, Surfaces.AssistLoopMake, Surfaces.Zipchat })
        {
            foreach (var fault in new[] { "drop-response", "fin-mid-body", "rst-mid-body", "no-response" })
            {
                data.Add(surface.Name, fault);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_ambiguous_failure_is_not_retried_and_says_the_outcome_is_unknown(string surfaceName, string faultName)
    {
        var surface = Surfaces.ByName(surfaceName);
        var call = surface.Write;
        Assert.False(call.RetrySafe);
        await using var sim = surface.CreateSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        // The attempt timeout runs on a manual clock, moved only once the request is at the server: on a loaded
        // machine a real 500 ms could end the attempt before the request got there, which is another case.
        var clock = new ManualTimeProvider();
        var settings = new ClientSettings
        {
            MaxRetries = 5,
            RetryBaseDelay = TimeSpan.FromMilliseconds(5),
            AttemptTimeout = TimeSpan.FromSeconds(30),
            Time = clock,
        };
        using var client = surface.CreateClient(surface.ApiBase(sim), settings);
        var before = Effects(sim);
        sim.Faults.On(call.Method, call.Path).Always(faultName switch
        {
            "drop-response" => Fault.DropResponseAfterProcessing(),
            "fin-mid-body" => Fault.TruncateBody(5),
            "rst-mid-body" => Fault.ResetBody(5),
            _ => Fault.Hang(),
        });

        var running = Bounded.RunAsync(() => call.Invoke(client, CancellationToken.None));
        if (faultName == "no-response")
        {
            using var arrival = new CancellationTokenSource(Bounded.Limit);
            while (sim.Journal.Where(call.Method, call.Path).Count == 0)
            {
                Assert.False(arrival.IsCancellationRequested, "the write never reached the server");
                await Task.Delay(5, TestContext.Current.CancellationToken);
            }

            clock.Advance(settings.AttemptTimeout);
        }

        var (_, error) = await running;

        var transport = Assert.IsType<ChatApiTransportException>(error);
        Assert.True(transport.RequestMayHaveReachedServer);
        Assert.Contains("outcome is unknown", transport.Message, StringComparison.Ordinal);
        Assert.Single(sim.Journal.Where(call.Method, call.Path));
        var effects = Effects(sim) - before;
        Assert.InRange(effects, faultName == "no-response" ? 0 : 1, 1);
        Counts.Add("no duplicates: ambiguous unkeyed writes");
    }

    private static int Effects(SimulatorHost sim) => sim switch
    {
        AssistLoopSimulator a => a.GetConversation(AssistLoopSimulator.ConversationUuid)!.MessageCount,
        ZipchatSimulator z => z.GetConversation(ZipchatSimulator.WhatsAppConversationId).Messages.Count,
        _ => throw new ArgumentOutOfRangeException(nameof(sim)),
    };
}
