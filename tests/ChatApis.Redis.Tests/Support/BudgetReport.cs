using System.Globalization;

namespace ChatApis.Redis.Tests.Support;

/// <summary>
/// How close a burst came to the budget, written to the test output and to redis-budget.txt (which CI prints):
/// a measurement, never asserted (a loaded machine is slower, not wrong).
/// </summary>
internal static class BudgetReport
{
    private static readonly Lock FileLock = new();
    private static readonly string FilePath = Path.Combine(AppContext.BaseDirectory, "redis-budget.txt");
    private static bool _started;

    /// <summary>
    /// The shortest time <paramref name="calls"/> calls can take at <paramref name="limit"/> per
    /// <paramref name="window"/>: the first window opens at once, so N windows of calls need N - 1 window lengths.
    /// </summary>
    public static TimeSpan Minimum(int calls, int limit, TimeSpan window) => window * (Math.Ceiling((double)calls / limit) - 1);

    public static void Write(string what, int calls, int limit, TimeSpan window, TimeSpan elapsed, int rejections)
    {
        var minimum = Minimum(calls, limit, window);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: {calls} calls in {elapsed.TotalSeconds:F2} s, minimum {minimum.TotalSeconds:F2} s at {limit} per {window.TotalSeconds:F0} s: {minimum / elapsed:P1} of the budget, {rejections} 429s");
        TestContext.Current.SendDiagnosticMessage(line);
        lock (FileLock)
        {
            // One run's figures: the first report of a test run starts the file afresh.
            if (!_started)
            {
                File.Delete(FilePath);
                _started = true;
            }

            File.AppendAllLines(FilePath, [line]);
        }
    }
}
