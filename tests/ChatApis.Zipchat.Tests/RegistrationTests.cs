using ChatApis.Testing.Zipchat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatApis.Zipchat.Tests;

public sealed class RegistrationTests : ZipchatTestBase
{
    [Fact]
    public async Task The_default_client_resolves_and_calls_the_configured_chat()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Clock);
        services.AddZipchatClient(o =>
        {
            o.ApiKey = ZipchatSimulator.ApiKey;
            o.ChatId = ZipchatSimulator.ChatId;
            o.BaseAddress = ApiBase;
        });
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var client = provider.GetRequiredService<ZipchatClient>();
        var user = await client.GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: Ct);

        Assert.Equal(ZipchatSimulator.ChatId, client.ChatId);
        Assert.Equal(ApiBase, client.BaseAddress);
        Assert.Equal(ZipchatSimulator.OwnerUserId, user.Value.Id);
        Assert.Equal("/api/integrations/backend_api/v1/chats/1/users/501", Sim.Journal.Last.Path);
        AssertAuthorized(Sim.Journal.Last);
        Assert.Equal(T0, Sim.Journal.Last.ReceivedAt);
    }

    [Fact]
    public async Task Named_clients_serve_several_chats()
    {
        var services = new ServiceCollection();
        services.AddZipchatClient("shop", o =>
        {
            o.ApiKey = ZipchatSimulator.ApiKey;
            o.ChatId = ZipchatSimulator.ChatId;
            o.BaseAddress = ApiBase;
        });
        services.AddZipchatClient("outlet", o =>
        {
            o.ApiKey = ZipchatSimulator.OtherChatApiKey;
            o.ChatId = ZipchatSimulator.OtherChatId;
            o.BaseAddress = ApiBase;
        });
        await using var provider = services.BuildServiceProvider();

        var shop = provider.GetRequiredKeyedService<ZipchatClient>("shop");
        var outlet = provider.GetRequiredKeyedService<ZipchatClient>("outlet");
        await shop.GetConversationAsync(ZipchatSimulator.WebConversationId, cancellationToken: Ct);
        var foreign = await outlet.GetConversationAsync(ZipchatSimulator.OtherChatConversationId, cancellationToken: Ct);

        Assert.NotSame(shop, outlet);
        Assert.Equal(ZipchatSimulator.OtherChatId, foreign.Value.ChatId);
        Assert.Equal("Bearer " + ZipchatSimulator.ApiKey, Sim.Journal.Requests[0].Headers["Authorization"]);
        Assert.Equal("/api/integrations/backend_api/v1/chats/2/conversations/22222", Sim.Journal.Requests[1].Path);
        Assert.Equal("Bearer " + ZipchatSimulator.OtherChatApiKey, Sim.Journal.Requests[1].Headers["Authorization"]);
        Assert.Null(provider.GetService<ZipchatClient>());
    }

    [Fact]
    public async Task The_configuration_overload_binds_key_chat_and_address()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatApis:Zipchat:ApiKey"] = ZipchatSimulator.ApiKey,
            ["ChatApis:Zipchat:ChatId"] = "1",
            ["ChatApis:Zipchat:BaseAddress"] = ApiBase.ToString(),
            ["ChatApis:Zipchat:MaxRetries"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddZipchatClient(configuration.GetSection(ZipchatClientOptions.DefaultSectionName));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<ZipchatClientOptions>>().Get("");
        var users = await provider.GetRequiredService<ZipchatClient>().GetUsersPageAsync(cancellationToken: Ct);

        Assert.Equal(ZipchatSimulator.ApiKey, options.ApiKey);
        Assert.Equal(1, options.ChatId);
        Assert.Equal(0, options.MaxRetries);
        Assert.Equal(2, users.Value.Users.Count);
    }

    [Theory]
    [InlineData(null, 1L, "ApiKey")]
    [InlineData("   ", 1L, "ApiKey")]
    [InlineData(ZipchatSimulator.ApiKey, 0L, "ChatId")]
    [InlineData(ZipchatSimulator.ApiKey, -3L, "ChatId")]
    public async Task Invalid_options_fail_validation_at_start_naming_the_option(string? apiKey, long chatId, string option)
    {
        var services = new ServiceCollection();
        services.AddZipchatClient("broken", o =>
        {
            o.ApiKey = apiKey;
            o.ChatId = chatId;
        });
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<ZipchatClient>("broken"));

        Assert.Contains(option, ex.Message, StringComparison.Ordinal);
        Assert.Contains("'broken'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_runs_when_the_host_starts()
    {
        var services = new ServiceCollection();
        services.AddZipchatClient(o => o.ApiKey = ZipchatSimulator.ApiKey);
        await using var provider = services.BuildServiceProvider();
        var startup = provider.GetRequiredService<IStartupValidator>();

        var ex = Assert.Throws<OptionsValidationException>(startup.Validate);

        Assert.Contains("ChatId is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_http_remote_base_address_is_rejected()
    {
        var services = new ServiceCollection();
        services.AddZipchatClient(o =>
        {
            o.ApiKey = ZipchatSimulator.ApiKey;
            o.ChatId = 1;
            o.BaseAddress = new Uri("http://app.zipchat.ai/api/integrations/backend_api/v1/");
        });
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<ZipchatClient>);

        Assert.Contains("BaseAddress", ex.Message, StringComparison.Ordinal);
    }
}
