using ChatApis.Http;
using ChatApis.Safety;

namespace ChatApis.Core.Tests.Safety;

public class BaseAddressPolicyTests
{
    [Theory]
    [InlineData("https://api.assistloop.ai/api/v1/")]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/v1/")]
    [InlineData("http://[::1]:5000/")]
    public void Https_and_loopback_http_are_allowed(string address) =>
        Assert.True(BaseAddressPolicy.IsAllowed(new Uri(address), out _));

    [Theory]
    [InlineData("http://api.assistloop.ai/api/v1/")]
    [InlineData("http://10.0.0.5/")]
    [InlineData("ftp://example.com/")]
    public void Plain_http_off_loopback_is_refused(string address)
    {
        Assert.False(BaseAddressPolicy.IsAllowed(new Uri(address), out var why));
        Assert.Contains("https", why, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_with_an_http_base_address_fail_validation_naming_the_option()
    {
        var options = new ChatApiClientOptions { BaseAddress = new Uri("http://api.example.com/") };
        var error = Assert.Throws<ArgumentException>(options.EnsureValid);
        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void A_pipeline_refuses_an_http_base_address_before_any_request() =>
        Assert.Throws<ArgumentException>(() => new ChatApiPipeline(new HttpClientHandler(), Support.TestVendor.Profile(), new ChatApiClientOptions { BaseAddress = new Uri("http://api.example.com/") }));

    [Theory]
    [InlineData(-1, "MaxRetries")]
    [InlineData(11, "MaxRetries")]
    public void Out_of_range_settings_are_named(int retries, string name)
    {
        var problems = new ChatApiClientOptions { MaxRetries = retries }.Validate().ToList();
        Assert.Contains(problems, p => p.Contains(name, StringComparison.Ordinal) && p.Contains("between 0 and 10", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_adds_the_trailing_slash() =>
        Assert.Equal("https://x.example/api/v1/", BaseAddressPolicy.Normalize(new Uri("https://x.example/api/v1")).AbsoluteUri);
}
