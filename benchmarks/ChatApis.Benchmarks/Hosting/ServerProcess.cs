using System.Diagnostics;

namespace ChatApis.Benchmarks.Hosting;

/// <summary>The loopback server as a child process: started with <c>--serve</c>, found by the address it prints.</summary>
public sealed class ServerProcess : IDisposable
{
    /// <summary>
    /// The environment variable through which a running server's base address reaches BenchmarkDotNet's
    /// benchmark processes (they inherit the host's environment but are not this program's Main).
    /// </summary>
    public const string AddressVariable = "CHATAPIS_BENCH_SERVER";

    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>The server's root address, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts the server and waits until it listens.</summary>
    public static async Task<ServerProcess> StartAsync()
    {
        var process = Process.Start(SelfProcess.StartInfo("--serve")) ?? throw new InvalidOperationException("Could not start the server process.");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException("The server process exited before listening.");
                if (line.StartsWith(PayloadServer.ReadyPrefix, StringComparison.Ordinal))
                {
                    return new ServerProcess(process, new Uri(line[PayloadServer.ReadyPrefix.Length..]));
                }
            }
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    /// <summary>The address of the server the host started, for BenchmarkDotNet's benchmark processes.</summary>
    public static Uri AddressFromEnvironment() =>
        Environment.GetEnvironmentVariable(AddressVariable) is { Length: > 0 } text
            ? new Uri(text)
            : throw new InvalidOperationException($"{AddressVariable} is not set: run the suites through Program (dotnet run -c Release --project benchmarks/ChatApis.Benchmarks), which starts the server.");

    /// <inheritdoc />
    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        try
        {
            // Closing stdin asks the server to stop; kill it (by its own id) if it does not.
            process.StandardInput.Close();
            if (!process.WaitForExit(5000))
            {
                process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }
}
