using System.Runtime.ExceptionServices;
using System.Text;
using WireMock.Logging;
using WireMock.RequestBuilders;

namespace ChatApis.Contract.Tests.Support;

/// <summary>
/// A test's view of its class's WireMock server: register strict stubs, make the SDK call under a hard
/// time bound, then check the request log holds exactly the expected requests, in order (no extra call,
/// no retry). The log is checked before the call's own outcome is looked at, so a request that drifted
/// from the document fails with what differed rather than with WireMock's bare 404.
/// </summary>
public sealed class Wire
{
    /// <summary>Every call fails within this bound instead of hanging the run.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly ContractServer _server;

    public Wire(ContractServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _server = server;
        server.Server.Reset();
    }

    public Stub Expect(ExpectedRequest request, Reply reply)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(reply);
        var stub = new Stub(Guid.NewGuid(), request, reply);
        _server.Server.Given(Request.Create().Add(new StrictRequestMatcher(request))).WithGuid(stub.Id).RespondWith(reply.Build());
        return stub;
    }

    /// <summary>Runs the call, then asserts the requests were exactly <paramref name="expected"/>, in order.</summary>
    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, params Stub[] expected)
    {
        ArgumentNullException.ThrowIfNull(call);
        var (value, error) = await RunAsync(call);
        AssertRequests(expected);
        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        return value!;
    }

    /// <summary>Runs a call documented to fail, asserts the requests, and returns the exception (exactly <typeparamref name="TException"/>).</summary>
    public async Task<TException> FailsAsync<TException>(Func<CancellationToken, Task> call, params Stub[] expected)
        where TException : Exception =>
        Assert.IsType<TException>(await FailsAsync(call, expected), exactMatch: true);

    /// <summary>Runs a call documented to fail, asserts the requests, and returns the exception for the test to type-check.</summary>
    public async Task<Exception> FailsAsync(Func<CancellationToken, Task> call, params Stub[] expected)
    {
        ArgumentNullException.ThrowIfNull(call);
        var (_, error) = await RunAsync<object?>(async ct =>
        {
            await call(ct);
            return null;
        });
        AssertRequests(expected);
        return Assert.IsAssignableFrom<Exception>(error);
    }

    /// <summary>The requests the server received are exactly these, in this order, each answered by its own stub.</summary>
    public void AssertRequests(params Stub[] expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var entries = _server.Server.LogEntries.ToList();
        var problems = new StringBuilder();
        if (entries.Count != expected.Length)
        {
            problems.AppendLine($"{entries.Count} request(s) were made, expected exactly {expected.Length}:");
        }

        for (var i = 0; i < Math.Max(entries.Count, expected.Length); i++)
        {
            var entry = i < entries.Count ? entries[i] : null;
            var stub = i < expected.Length ? expected[i] : null;
            if (entry is null)
            {
                problems.AppendLine($"  #{i + 1}: missing, expected {stub}");
                continue;
            }

            if (stub is null)
            {
                problems.AppendLine($"  #{i + 1}: unexpected {Describe(entry)}");
                continue;
            }

            var mismatches = stub.Request.Mismatches(entry.RequestMessage);
            if (mismatches.Count > 0 || entry.MappingGuid != stub.Id)
            {
                problems.AppendLine($"  #{i + 1}: {Describe(entry)} is not {stub}:");
                foreach (var mismatch in mismatches)
                {
                    problems.AppendLine($"      - {mismatch}");
                }

                if (mismatches.Count == 0)
                {
                    problems.AppendLine($"      - answered by mapping {entry.MappingGuid?.ToString() ?? "none (WireMock 404)"}, expected {stub.Id}");
                }
            }
        }

        Assert.True(problems.Length == 0, "The requests differ from the documents:" + Environment.NewLine + problems);
    }

    private static string Describe(ILogEntry entry) =>
        $"{entry.RequestMessage.Method} {entry.RequestMessage.AbsolutePath}{entry.RequestMessage.RawQuery} -> {entry.ResponseMessage.StatusCode}";

    private static async Task<(T? Value, Exception? Error)> RunAsync<T>(Func<CancellationToken, Task<T>> call)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var task = Task.Run(() => call(cancellationToken), cancellationToken);
        try
        {
            return (await task.WaitAsync(Bound, cancellationToken), null);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new Xunit.Sdk.XunitException($"The call did not finish within {Bound}: a hang.");
        }
#pragma warning disable CA1031 // The call's failure is the test's subject: it is asserted after the request log.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (default, ex);
        }
    }
}
