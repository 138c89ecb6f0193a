using System.Diagnostics;
using System.Globalization;

namespace ChatApis.Redis.Tests.Support;

/// <summary>
/// One replica of a service as a separate OS process (tests/ChatApis.Redis.TestHost), for the tests where
/// "several instances" must mean several processes: each has its own runtime, Redis connection and client.
/// </summary>
internal sealed class Replica : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly Process _process;
    private readonly Task<string> _errors;

    private Replica(Process process)
    {
        _process = process;
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts the test host with these arguments (see its Program.cs).</summary>
    public static Replica Start(params object[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatApis.Redis.TestHost.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(Convert.ToString(argument, CultureInfo.InvariantCulture)!);
        }

        return new Replica(Process.Start(start)!);
    }

    /// <summary>Waits until the replica prints <paramref name="line"/> (e.g. "ready"), within two minutes.</summary>
    public async Task WaitForLineAsync(string line)
    {
        using var limit = new CancellationTokenSource(Limit);
        while (await _process.StandardOutput.ReadLineAsync(limit.Token) is { } read)
        {
            if (read == line)
            {
                return;
            }
        }

        throw new InvalidOperationException($"the replica ended before printing '{line}': {await _errors}");
    }

    /// <summary>Writes a line to the replica's standard input (e.g. its signal to start).</summary>
    public Task SendLineAsync(string line) => _process.StandardInput.WriteLineAsync(line);

    /// <summary>Waits for the replica to exit (within two minutes, else it is killed and this throws).</summary>
    public async Task<(int ExitCode, string Output, string Errors)> WaitAsync()
    {
        var output = _process.StandardOutput.ReadToEndAsync();
        try
        {
            await _process.WaitForExitAsync().WaitAsync(Limit);
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            throw;
        }

        return (_process.ExitCode, await output, await _errors);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
