using Microsoft.Extensions.Hosting;

namespace ChatApis.Testing;

/// <summary>
/// Replaces the console lifetime: a simulator lives inside someone else's process (a test run, a
/// sample) and must not take over its Ctrl+C or SIGTERM handling.
/// </summary>
internal sealed class DetachedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
