using System.Net.Http.Headers;
using ChatApis.Resilience;

namespace ChatApis.Core.Tests.Resilience;

public class RetryHintsTests
{
    private static readonly DateTimeOffset ServerNow = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LocalNow = ServerNow.AddMinutes(7); // a skewed client clock

    private static HttpResponseHeaders Headers(params (string Name, string Value)[] pairs)
    {
        var response = new HttpResponseMessage();
        response.Headers.Date = ServerNow;
        foreach (var (name, value) in pairs)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response.Headers;
    }

    [Fact]
    public void Retry_After_in_whole_seconds_is_a_delta() =>
        Assert.Equal(TimeSpan.FromSeconds(7), RetryHints.FromHeaders(Headers(("Retry-After", "7")), 429, LocalNow));

    [Fact]
    public void Retry_After_with_a_decimal_is_read_from_the_raw_header_that_the_typed_parser_rejects() =>
        Assert.Equal(TimeSpan.FromSeconds(1.5), RetryHints.FromHeaders(Headers(("Retry-After", "1.5")), 503, LocalNow));

    [Fact]
    public void Retry_After_as_an_http_date_is_measured_against_the_server_Date_header_not_the_local_clock() =>
        Assert.Equal(TimeSpan.FromSeconds(30), RetryHints.FromHeaders(Headers(("Retry-After", ServerNow.AddSeconds(30).ToString("r"))), 429, LocalNow));

    [Fact]
    public void Retry_After_in_the_past_is_zero() =>
        Assert.Equal(TimeSpan.Zero, RetryHints.FromHeaders(Headers(("Retry-After", ServerNow.AddHours(-1).ToString("r"))), 429, LocalNow));

    [Fact]
    public void A_huge_Retry_After_is_clamped_to_the_ceiling() =>
        Assert.Equal(RetryHints.Ceiling, RetryHints.FromHeaders(Headers(("Retry-After", "99999999999")), 429, LocalNow));

    [Fact]
    public void A_negative_Retry_After_is_zero() =>
        Assert.Equal(TimeSpan.Zero, RetryHints.FromHeaders(Headers(("Retry-After", "-5")), 429, LocalNow));

    [Theory]
    [InlineData("soon")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("")]
    public void Garbage_Retry_After_is_ignored(string value) =>
        Assert.Null(RetryHints.FromHeaders(Headers(("Retry-After", value)), 503, LocalNow));

    [Fact]
    public void No_hint_at_all_is_null() => Assert.Null(RetryHints.FromHeaders(Headers(), 429, LocalNow));

    [Fact]
    public void Epoch_X_RateLimit_Reset_is_measured_against_the_Date_header()
    {
        var reset = ServerNow.AddSeconds(42).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromSeconds(42), RetryHints.FromHeaders(Headers(("X-RateLimit-Reset", reset)), 429, LocalNow));
    }

    [Fact]
    public void X_RateLimit_Reset_counts_only_when_the_limit_is_exhausted()
    {
        var reset = ServerNow.AddSeconds(42).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Null(RetryHints.FromHeaders(Headers(("X-RateLimit-Reset", reset), ("X-RateLimit-Remaining", "5")), 503, LocalNow));
        Assert.Equal(TimeSpan.FromSeconds(42), RetryHints.FromHeaders(Headers(("X-RateLimit-Reset", reset), ("X-RateLimit-Remaining", "0")), 503, LocalNow));
    }

    [Fact]
    public void A_small_X_RateLimit_Reset_is_a_delta_in_seconds() =>
        Assert.Equal(TimeSpan.FromSeconds(12), RetryHints.FromHeaders(Headers(("X-RateLimit-Reset", "12")), 429, LocalNow));

    [Fact]
    public void Retry_After_wins_over_X_RateLimit_Reset() =>
        Assert.Equal(TimeSpan.FromSeconds(3), RetryHints.FromHeaders(Headers(("Retry-After", "3"), ("X-RateLimit-Reset", "1900000000")), 429, LocalNow));

    [Fact]
    public void Retry_After_ms_is_read() =>
        Assert.Equal(TimeSpan.FromMilliseconds(250), RetryHints.FromHeaders(Headers(("retry-after-ms", "250")), 429, LocalNow));

    [Fact]
    public void Without_a_Date_header_the_local_clock_is_used()
    {
        var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Retry-After", LocalNow.AddSeconds(9).ToString("r"));
        Assert.Equal(TimeSpan.FromSeconds(9), RetryHints.FromHeaders(response.Headers, 429, LocalNow));
    }

    [Fact]
    public void An_X_RateLimit_Reset_in_epoch_milliseconds_is_read_as_milliseconds()
    {
        var reset = ServerNow.AddSeconds(42).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(TimeSpan.FromSeconds(42), RetryHints.FromHeaders(Headers(("X-RateLimit-Reset", reset)), 429, LocalNow));
        Assert.Equal(TimeSpan.FromSeconds(42), RetryHints.FromHeaders(Headers(("X-RateLimit-Reset", reset), ("X-RateLimit-Remaining", "0")), 503, LocalNow));
    }

    [Theory]
    [InlineData("1e20")]
    [InlineData("1E300")]
    [InlineData("99999999999999999999999")]
    [InlineData("253402300800000")] // one millisecond past the year 9999
    [InlineData("-1")]
    [InlineData("-1e20")]
    [InlineData("NaN")]
    [InlineData("-Infinity")]
    [InlineData("0x10")]
    public void An_absurd_X_RateLimit_Reset_is_ignored_without_throwing(string value)
    {
        Assert.Null(RetryHints.FromHeaders(Headers(("X-RateLimit-Reset", value)), 429, LocalNow));
        Assert.Null(RetryHints.FromResetEpoch(value, ServerNow));
    }

    [Fact]
    public void An_X_RateLimit_Reset_far_in_the_future_but_before_the_year_9999_is_clamped_to_the_ceiling()
    {
        Assert.Equal(RetryHints.Ceiling, RetryHints.FromResetEpoch("253402300799", ServerNow));
        Assert.Equal(RetryHints.Ceiling, RetryHints.FromResetEpoch("253402300799999", ServerNow));
        Assert.Equal(TimeSpan.Zero, RetryHints.FromResetEpoch("1000000000", ServerNow)); // 2001: in the past
    }

    [Theory]
    [InlineData("1e20")]
    [InlineData("1e300")]
    [InlineData("79228162514264337593543950335")]
    public void A_huge_Retry_After_or_retry_after_ms_is_clamped_without_throwing(string value)
    {
        Assert.Equal(RetryHints.Ceiling, RetryHints.FromHeaders(Headers(("Retry-After", value)), 503, LocalNow));
        Assert.Equal(RetryHints.Ceiling, RetryHints.FromHeaders(Headers(("retry-after-ms", value)), 503, LocalNow));
        Assert.Equal(RetryHints.Ceiling, RetryHints.FromSecondsText(value));
    }

    [Theory]
    [InlineData("-1e20")]
    [InlineData("-1e300")]
    [InlineData("-0")]
    public void A_hugely_negative_hint_is_zero_without_throwing(string value)
    {
        Assert.Equal(TimeSpan.Zero, RetryHints.FromHeaders(Headers(("Retry-After", value)), 503, LocalNow));
        Assert.Equal(TimeSpan.Zero, RetryHints.FromHeaders(Headers(("retry-after-ms", value)), 503, LocalNow));
    }

    [Fact]
    public void Retry_after_ms_means_milliseconds_up_to_the_ceiling()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1500), RetryHints.FromHeaders(Headers(("retry-after-ms", "1500")), 429, LocalNow));
        Assert.Equal(RetryHints.Ceiling, RetryHints.FromHeaders(Headers(("retry-after-ms", "86400001")), 429, LocalNow));
    }
}
