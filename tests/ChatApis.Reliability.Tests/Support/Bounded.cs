namespace ChatApis.Reliability.Tests.Support;

/// <summary>Runs a call under a hard wall-clock bound, so a hang fails its case instead of the run.</summary>
public static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>The call's outcome: its value, or the exception it ended with (recorded for the secrets check).</summary>
    public static async Task<(object? Value, Exception? Error)> RunAsync(Func<Task<object?>> call, TimeSpan? limit = null)
    {
        var task = Task.Run(call);
        try
        {
            return (await task.WaitAsync(limit ?? Limit), null);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new Xunit.Sdk.XunitException($"The call did not finish within {limit ?? Limit}: a hang.");
        }
        catch (Exception ex)
        {
            SecretSink.Observe(ex);
            return (null, ex);
        }
    }
}
