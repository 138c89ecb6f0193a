using System.Diagnostics;

namespace ChatApis.Benchmarks.Hosting;

/// <summary>Starts this same program again with other arguments (the server, cold-start and paging children).</summary>
public static class SelfProcess
{
    /// <summary>A start info for this executable with <paramref name="args"/>, output redirected.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };

        // Started as "dotnet ChatApis.Benchmarks.dll" or as the apphost: run the same way.
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.FileName = host;
            info.ArgumentList.Add("exec");
            info.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        }
        else
        {
            info.FileName = host;
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    /// <summary>Runs this program with <paramref name="args"/> to completion and returns its standard output lines.</summary>
    public static Task<string[]> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs this program with <paramref name="args"/> and extra environment variables; returns its standard output lines.</summary>
    public static async Task<string[]> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = StartInfo(args);
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start a child process.");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Child '{string.Join(' ', args)}' exited with {process.ExitCode}: {output}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
