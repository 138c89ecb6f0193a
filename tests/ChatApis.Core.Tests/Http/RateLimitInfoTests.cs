using ChatApis.Http;

namespace ChatApis.Core.Tests.Http;

public class RateLimitInfoTests
{
    private static RateLimitInfo? Read(params (string Name, string Value)[] pairs)
    {
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in pairs)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return RateLimitInfo.FromHeaders(response.Headers);
    }

    [Fact]
    public void Epoch_seconds_and_epoch_milliseconds_give_the_same_reset()
    {
        var reset = new DateTimeOffset(2026, 3, 1, 12, 0, 42, TimeSpan.Zero);

        Assert.Equal(new RateLimitInfo(120, 0, reset), Read(("X-RateLimit-Limit", "120"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(new RateLimitInfo(120, 0, reset), Read(("X-RateLimit-Limit", "120"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", reset.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("1e20")]
    [InlineData("-5")]
    [InlineData("NaN")]
    [InlineData("soon")]
    [InlineData("253402300800000")]
    public void An_absurd_reset_is_left_out_and_the_rest_kept(string value) =>
        Assert.Equal(new RateLimitInfo(120, 7, null), Read(("X-RateLimit-Limit", "120"), ("X-RateLimit-Remaining", "7"), ("X-RateLimit-Reset", value)));

    [Fact]
    public void No_rate_limit_header_gives_null() => Assert.Null(Read(("X-Other", "1")));
}
