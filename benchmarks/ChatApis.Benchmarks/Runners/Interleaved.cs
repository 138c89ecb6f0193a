namespace ChatApis.Benchmarks.Runners;

/// <summary>
/// The quick mode's measurement: warm every contender up, then run rounds in which each contender
/// does one batch, the order rotating each round so drift (CPU frequency, the server's JIT, GC
/// state) spreads evenly; the result per contender is the median over rounds.
/// </summary>
public static class Interleaved
{
    /// <summary>Measures each named call and returns the median sample per name.</summary>
    public static async Task<Dictionary<string, Sample>> MeasureAsync(IReadOnlyList<(string Name, Func<Task> Call)> contenders, int warmup, int rounds, int batch) =>
        (await SampleAsync(contenders, warmup, rounds, batch)).ToDictionary(s => s.Key, s => Sample.Median(s.Value));

    /// <summary>Measures each named call and returns every round's sample per name.</summary>
    public static async Task<Dictionary<string, List<Sample>>> SampleAsync(IReadOnlyList<(string Name, Func<Task> Call)> contenders, int warmup, int rounds, int batch)
    {
        foreach (var (_, call) in contenders)
        {
            for (var i = 0; i < warmup; i++)
            {
                await call();
            }
        }

        var samples = contenders.ToDictionary(c => c.Name, _ => new List<Sample>(rounds));
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < contenders.Count; k++)
            {
                var (name, call) = contenders[(round + k) % contenders.Count];
                samples[name].Add(await Sample.TakeAsync(call, batch));
            }
        }

        return samples;
    }
}
