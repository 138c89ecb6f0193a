using System.Diagnostics;
using System.Net.Sockets;
using StackExchange.Redis;

namespace ChatApis.Redis.Tests.Support;

/// <summary>
/// A real redis-server (Debian's package; .ci/run installs it) started for the tests in a temporary directory,
/// listening on a Unix socket only: no TCP port to find, nothing another process could take, nothing persisted.
/// Stopped by its PID when disposed. Tests share one server and isolate themselves by using their own account keys.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process _process;
    private readonly string _directory;

    private RedisServer(Process process, string directory, string socketPath)
    {
        _process = process;
        _directory = directory;
        SocketPath = socketPath;
    }

    /// <summary>The server's Unix socket.</summary>
    public string SocketPath { get; }

    /// <summary>Whether the server process is still running.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Starts a server and waits (at most 10 s) until it answers.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("chatapis-redis-").FullName;
        var socket = Path.Combine(directory, "redis.sock");
        var server = new RedisServer(Launch(directory, socket), directory, socket);
        await server.WaitUntilAnswersAsync();
        return server;
    }

    /// <summary>Starts the server again on the same socket after <see cref="StopAsync"/> (empty: nothing is persisted).</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        _process.Dispose();
        File.Delete(SocketPath);
        _process = Launch(_directory, SocketPath);
        await WaitUntilAnswersAsync();
    }

    private static Process Launch(string directory, string socket)
    {
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", "0", "--unixsocket", socket, "--unixsocketperm", "700", "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start (is it installed? `apt-get install -y redis-server`).");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilAnswersAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await AnswersAsync())
        {
            if (_process.HasExited || deadline.IsCancellationRequested)
            {
                await DisposeAsync();
                throw new InvalidOperationException($"redis-server did not answer on {SocketPath} within 10 s.");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    /// <summary>A new connection to this server (each simulated instance gets its own, as separate processes would).</summary>
    /// <param name="timeout">How long one command may take before it fails (default 2 s).</param>
    public Task<ConnectionMultiplexer> ConnectAsync(TimeSpan? timeout = null) =>
        ConnectionMultiplexer.ConnectAsync(Options(SocketPath, timeout));

    /// <summary>The connection options for a socket path.</summary>
    public static ConfigurationOptions Options(string socketPath, TimeSpan? timeout = null)
    {
        var ms = (int)(timeout ?? TimeSpan.FromSeconds(2)).TotalMilliseconds;
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            ConnectTimeout = ms,
            SyncTimeout = ms,
            AsyncTimeout = ms,
            ConnectRetry = 1,
        };
        options.EndPoints.Add(new UnixDomainSocketEndPoint(socketPath));
        return options;
    }

    /// <summary>Stops the server now (the fault tests' "Redis went away").</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<bool> AnswersAsync()
    {
        if (!File.Exists(SocketPath))
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
            await socket.SendAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await socket.ReceiveAsync(buffer).WaitAsync(TimeSpan.FromSeconds(1));
            return read > 0 && buffer[0] == (byte)'+';
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            return false;
        }
    }
}

/// <summary>The assembly's shared server and a connection to it.</summary>
public sealed class SharedRedis : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await RedisServer.StartAsync();
        Connection = await Server.ConnectAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        await Server.DisposeAsync();
    }

    /// <summary>An account key no other test uses.</summary>
    public static string NewAccount() => $"acct-{Guid.NewGuid():N}";
}
