using System.Diagnostics;

namespace ChatApis.Benchmarks.Runners;

/// <summary>The cost of one call, averaged over a batch.</summary>
/// <param name="Nanoseconds">Wall time per call.</param>
/// <param name="Bytes">Bytes allocated per call (all threads of this process).</param>
public readonly record struct Sample(double Nanoseconds, double Bytes)
{
    /// <summary>Runs <paramref name="call"/> <paramref name="batch"/> times back to back and averages.</summary>
    public static async Task<Sample> TakeAsync(Func<Task> call, int batch)
    {
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < batch; i++)
        {
            await call();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        return new Sample(elapsed.TotalNanoseconds / batch, (double)allocated / batch);
    }

    /// <summary>The median of each figure over <paramref name="samples"/>.</summary>
    public static Sample Median(IReadOnlyList<Sample> samples) =>
        new(MedianOf(samples.Select(s => s.Nanoseconds)), MedianOf(samples.Select(s => s.Bytes)));

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double MedianOf(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
