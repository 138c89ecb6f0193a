using ChatApis.Http;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;

namespace ChatApis.Reliability.Tests.Faults;

/// <summary>
/// Every fault on every surface, for its retry-safe read and its state-changing write. A case ends in
/// success after a retry, or in the documented typed exception, within a hard bound; never a hang, an
/// untyped exception or a secret in a message.
/// </summary>
public class FaultMatrixTests
{
    private const string MatrixGroup = "fault matrix: surface x fault x call";

    public static TheoryData<string, string, string> Cases(bool timing)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var surface in Surfaces.All)
        {
            foreach (var fault in FaultCase.All.Where(f => f.Timing == timing))
            {
                data.Add(surface.Name, fault.Name, "read");
                data.Add(surface.Name, fault.Name, "write");
            }
        }

        return data;
    }

    public static TheoryData<string, string, string> FastCases => Cases(timing: false);

    [Theory]
    [MemberData(nameof(FastCases))]
    public Task Fault_ends_in_success_after_retry_or_the_typed_exception(string surface, string fault, string call) =>
        RunAsync(Surfaces.ByName(surface), FaultCase.ByName(fault), call);

    internal static async Task RunAsync(Surface surface, FaultCase fault, string which)
    {
        var call = surface.Call(which);

        // Backoff and Retry-After waits pass at once on a manual clock; a case that needs its attempt
        // timeout to fire uses the real clock and a short timeout instead.
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
        var settings = fault.Timing
            ? new ClientSettings { AttemptTimeout = TimeSpan.FromMilliseconds(600), TotalTimeout = TimeSpan.FromSeconds(8), RetryBaseDelay = TimeSpan.FromMilliseconds(5) }
            : new ClientSettings { Time = clock, MaxResponseBytes = fault.MaxResponseBytes };
        await using var sim = surface.CreateSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        // Refused: the surface's address on a port held closed for the whole case, so nothing can start
        // listening there meanwhile.
        using var closed = fault.Refused ? new ClosedLoopbackPort() : null;
        var baseAddress = closed is not null ? new Uri(surface.ApiBase(sim).AbsoluteUri.Replace($":{sim.BaseAddress.Port}/", $":{closed.Port}/", StringComparison.Ordinal)) : surface.ApiBase(sim);
        using var client = surface.CreateClient(baseAddress, settings);
        fault.Arrange(sim, surface, call);

        var (value, error) = await Bounded.RunAsync(() => call.Invoke(client, CancellationToken.None));

        var expected = call.RetrySafe ? fault.WhenSafe : fault.WhenUnsafe;
        Counts.Started(MatrixGroup);
        if (expected.Exception is null)
        {
            Assert.True(error is null, $"{surface} {call.Name} under {fault.Name} should succeed but threw {error}");
            var response = Assert.IsAssignableFrom<ApiResponse>(value);
            Assert.True(response.Attempts >= expected.MinAttempts, $"{response.Attempts} attempts, expected at least {expected.MinAttempts}");
            Assert.Equal(response.Attempts, sim.Journal.Where(call.Method, call.Path).Count);
            // Only AssistLoop documents a retry_after in the error body; the other vendors' bodies carry no hint.
            var hinted = fault.Name.StartsWith("429-", StringComparison.Ordinal) && fault.Name != "429-no-hint"
                && (fault.Name != "429-body-retry-after" || surface is Surfaces.AssistLoopSurfaceDefinition);
            if (hinted)
            {
                // The server's hint was honoured: the client waited (virtually) at least a second.
                Assert.Contains(clock.AutoAdvancedDelays, d => d >= TimeSpan.FromSeconds(1));
            }

            Counts.Add(MatrixGroup);
            return;
        }

        Assert.True(error is not null, $"{surface} {call.Name} under {fault.Name} should throw {expected.Exception.Name} but succeeded");
        Assert.True(expected.Exception.IsInstanceOfType(error), $"{surface} {call.Name} under {fault.Name}: expected {expected.Exception.Name}, got {error}");
        expected.Check?.Invoke(error);
        Assert.IsNotType<NullReferenceException>(error.InnerException);
        foreach (var secret in surface.Secrets)
        {
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        }

        if (!call.RetrySafe && !fault.Refused && !fault.Name.StartsWith("429-", StringComparison.Ordinal))
        {
            // An unsafe call is never repeated after the server may have acted.
            Assert.Single(sim.Journal.Where(call.Method, call.Path));
        }

        Counts.Add(MatrixGroup);
    }
}

/// <summary>The faults whose cure is the attempt timeout run on the real clock; a class of their own runs them in parallel with the rest.</summary>
public class TimeoutFaultMatrixTests
{
    public static TheoryData<string, string, string> TimingCases => FaultMatrixTests.Cases(timing: true);

    [Theory]
    [MemberData(nameof(TimingCases))]
    public Task Fault_cut_by_the_attempt_timeout_ends_in_success_after_retry_or_the_typed_exception(string surface, string fault, string call) =>
        FaultMatrixTests.RunAsync(Surfaces.ByName(surface), FaultCase.ByName(fault), call);
}
