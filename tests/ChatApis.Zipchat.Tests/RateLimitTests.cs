using ChatApis.Testing.Zipchat;

namespace ChatApis.Zipchat.Tests;

public sealed class RateLimitTests : ZipchatTestBase
{
    private const string UserPath = "/api/integrations/backend_api/v1/chats/1/users/501";

    [Fact]
    public async Task Every_response_exposes_the_three_headers()
    {
        Clock.Advance(TimeSpan.FromMilliseconds(250)); // the reset is rounded up to the next whole second

        var first = await Client.GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: Ct);
        var second = await Client.TakeOverConversationAsync(ZipchatSimulator.WebConversationId, ZipchatSimulator.OwnerUserId, cancellationToken: Ct);
        var third = await Client.SendMessageAsync(ZipchatSimulator.WebConversationId, "Hi", ZipchatSimulator.OwnerUserId, cancellationToken: Ct);

        Assert.Equal(new(120, 119, T0.AddSeconds(61)), first.RateLimit);
        Assert.Equal(new(120, 118, T0.AddSeconds(61)), second.RateLimit);
        Assert.Equal(new(120, 117, T0.AddSeconds(61)), third.RateLimit);
    }

    [Fact]
    public async Task A_429_waits_until_the_advertised_reset_and_retries()
    {
        using var client = NewClient(o => o.EnableRateLimiting = false);
        for (var i = 0; i < ZipchatSimulator.RateLimit; i++)
        {
            await client.GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: Ct);
        }

        Clock.Advance(TimeSpan.FromSeconds(15));
        Clock.AutoAdvanceLimit = TimeSpan.FromSeconds(90);
        var response = await client.GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: Ct);

        Assert.Equal(2, response.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(45)], Clock.AutoAdvancedDelays);
        Assert.Equal(new(120, 119, T0.AddSeconds(120)), response.RateLimit);
        var requests = Sim.Journal.Where("GET", UserPath);
        Assert.Equal(ZipchatSimulator.RateLimit + 2, requests.Count);
    }

    [Fact]
    public async Task A_429_that_cannot_be_waited_out_is_a_rate_limit_error_with_the_hint()
    {
        using var client = NewClient(o =>
        {
            o.EnableRateLimiting = false;
            o.MaxRetryAfter = TimeSpan.FromSeconds(10);
        });
        for (var i = 0; i < ZipchatSimulator.RateLimit; i++)
        {
            await client.GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: Ct);
        }

        var ex = await Assert.ThrowsAsync<ChatApiRateLimitException>(() => client.GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: Ct));

        Assert.Equal(TimeSpan.FromSeconds(60), ex.RetryAfter);
        Assert.Equal(429, (int)ex.StatusCode!);
        Assert.Contains("Rate limit exceeded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_queues_within_120_per_60_seconds_instead_of_drawing_a_429()
    {
        Clock.AutoAdvanceLimit = TimeSpan.FromSeconds(90);
        for (var i = 0; i < ZipchatSimulator.RateLimit + 1; i++)
        {
            await Client.GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: Ct);
        }

        Assert.Equal(ZipchatSimulator.RateLimit + 1, Sim.Journal.Count);
        Assert.Equal(T0.AddSeconds(60), Sim.Journal.Last.ReceivedAt);
        Assert.Equal([TimeSpan.FromSeconds(60)], Clock.AutoAdvancedDelays);
    }
}
