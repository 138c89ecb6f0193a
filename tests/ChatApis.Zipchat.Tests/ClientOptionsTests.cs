using ChatApis.Testing.Zipchat;

namespace ChatApis.Zipchat.Tests;

public sealed class ClientOptionsTests : ZipchatTestBase
{
    [Fact]
    public void The_default_base_address_is_the_documented_one()
    {
        using var client = new ZipchatClient(new ZipchatClientOptions { ApiKey = "zc-key", ChatId = 9 });

        Assert.Equal(new Uri("https://app.zipchat.ai/api/integrations/backend_api/v1/"), client.BaseAddress);
        Assert.Equal(9, client.ChatId);
    }

    [Fact]
    public void Invalid_options_are_rejected_by_the_standalone_constructor_without_showing_the_key()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ZipchatClient(new ZipchatClientOptions { ApiKey = "zc-secret-key", ChatId = 0 }));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("ChatId", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("zc-secret-key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_without_the_zc_prefix_is_sent_as_is()
    {
        using var client = NewClient(o => o.ApiKey = "legacy-key");

        await Assert.ThrowsAsync<ChatApiAuthenticationException>(() => client.GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: Ct));

        Assert.Equal("Bearer legacy-key", Sim.Journal.Last.Headers["Authorization"]);
    }

    [Fact]
    public void The_options_never_show_the_key()
    {
        var options = new ZipchatClientOptions { ApiKey = "zc-secret-key", ChatId = 1 };

        Assert.DoesNotContain("zc-secret-key", options.ToString(), StringComparison.Ordinal);
        Assert.Empty(options.Validate());
    }
}
