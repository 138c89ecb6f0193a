using System.Globalization;
using BenchmarkDotNet.Running;
using ChatApis.Benchmarks.Hosting;
using ChatApis.Benchmarks.Runners;

namespace ChatApis.Benchmarks;

/// <summary>
/// Modes: no arguments (or BenchmarkDotNet arguments such as <c>--filter</c>) runs the full suites;
/// <c>--quick</c> the one-minute comparison ending with the RATIO line; <c>--cold</c> the fresh-process
/// first call; <c>--paging</c> the auto-pagination memory walk; <c>--breakdown</c> where the SDK's cost over the baseline goes. <c>--serve</c>, <c>--cold-child</c> and
/// <c>--paging-child</c> are the child processes those modes start.
/// </summary>
public static class Program
{
    /// <summary>Dispatches on the first argument.</summary>
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "--serve":
                return await PayloadServer.RunAsync();
            case "--quick":
                return await QuickRunner.RunAsync();
            case "--breakdown":
                return await BreakdownRunner.RunAsync();
            case "--cold":
                return await ColdRunner.RunAsync();
            case "--cold-child":
                return await ColdRunner.RunChildAsync(args[1], args[2], args[3]);
            case "--paging":
                return await PagingRunner.RunAsync();
            case "--paging-child":
                return await PagingRunner.RunChildAsync(args[1], args[2], args[3], int.Parse(args[4], CultureInfo.InvariantCulture));
            default:
                return await RunSuitesAsync(args);
        }
    }

    private static async Task<int> RunSuitesAsync(string[] args)
    {
        // One server for the whole run; BenchmarkDotNet's benchmark processes inherit its address.
        using var server = await ServerProcess.StartAsync();
        Environment.SetEnvironmentVariable(ServerProcess.AddressVariable, server.Address.AbsoluteUri);
        var summaries = BenchmarkRunner.Run(typeof(Program).Assembly, args: args);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
