namespace ChatApis.AspNetCore.Tests.Support;

/// <summary>Awaits under a hard wall-clock bound, so a hang fails its test instead of the run.</summary>
public static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    public static async Task<T> Within<T>(Task<T> task, TimeSpan? limit = null)
    {
        try
        {
            return await task.WaitAsync(limit ?? Limit, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new Xunit.Sdk.XunitException($"Did not finish within {limit ?? Limit}: a hang.");
        }
    }

    public static async Task Within(Task task, TimeSpan? limit = null)
    {
        try
        {
            await task.WaitAsync(limit ?? Limit, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new Xunit.Sdk.XunitException($"Did not finish within {limit ?? Limit}: a hang.");
        }
    }

    /// <summary>Waits for a condition other threads make true (a delivery arriving, a timer being scheduled), bounded.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit ?? Limit);
        while (!condition())
        {
            try
            {
                await Task.Delay(5, timeout.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new Xunit.Sdk.XunitException($"Waited {limit ?? Limit} for {what}: it never happened.");
            }
        }
    }
}
