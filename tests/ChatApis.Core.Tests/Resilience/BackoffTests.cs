using ChatApis.Http;
using ChatApis.Pipeline;

namespace ChatApis.Core.Tests.Resilience;

public class BackoffTests
{
    private static RetryPolicy Policy(TimeSpan baseDelay, TimeSpan maxDelay) =>
        new(new ChatApiClientOptions { RetryBaseDelay = baseDelay, RetryMaxDelay = maxDelay });

    [Theory]
    [InlineData(0, 500)]
    [InlineData(1, 1000)]
    [InlineData(2, 2000)]
    [InlineData(3, 4000)]
    public void Backoff_doubles_per_attempt_with_twenty_percent_jitter(int attempt, double nominalMs)
    {
        var policy = Policy(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
        var samples = Enumerable.Range(0, 500).Select(_ => policy.Backoff(attempt).TotalMilliseconds).ToList();
        Assert.All(samples, ms => Assert.InRange(ms, nominalMs * 0.8, nominalMs * 1.2));

        // Jitter really spreads the retries of many clients apart.
        Assert.True(samples.Max() - samples.Min() > nominalMs * 0.2, "the delays are not jittered");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(30)]
    [InlineData(1000)]
    public void Backoff_never_exceeds_the_cap(int attempt)
    {
        var policy = Policy(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10));
        for (var i = 0; i < 200; i++)
        {
            Assert.InRange(policy.Backoff(attempt), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(10));
        }
    }
}
