using ChatApis.Chatting.Tests.Support;
using ChatApis.Testing.Chatting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatApis.Chatting.Tests;

public sealed class RegistrationTests : ChattingTestBase
{
    [Fact]
    public async Task The_default_client_resolves_and_talks_to_the_configured_address()
    {
        await using var provider = Services(services => services.AddChattingClient(o =>
        {
            o.ApiKey = ChattingSimulator.ApiKey;
            o.BaseAddress = ApiBase;
        }));

        var client = provider.GetRequiredService<ChattingClient>();
        ChattingAccount me = await client.GetMeAsync(cancellationToken: Ct);

        Assert.Same(client, provider.GetRequiredService<ChattingClient>());
        Assert.Equal(ApiBase, client.BaseAddress);
        Assert.Equal("owner_123", me.WorkspaceId);
        Assert.Equal(ChattingSimulator.ApiKey, Sim.Journal.Last.Headers["X-API-Key"]);
    }

    [Fact]
    public async Task Named_clients_use_their_own_keys()
    {
        await using var provider = Services(services =>
        {
            services.AddChattingClient("acme", o => { o.ApiKey = ChattingSimulator.ApiKey; o.BaseAddress = ApiBase; });
            services.AddChattingClient("side", o => { o.ApiKey = ChattingSimulator.NoSiteApiKey; o.BaseAddress = ApiBase; });
        });

        ChattingAccount acme = await provider.GetRequiredKeyedService<ChattingClient>("acme").GetMeAsync(cancellationToken: Ct);
        ChattingAccount side = await provider.GetRequiredKeyedService<ChattingClient>("side").GetMeAsync(cancellationToken: Ct);

        Assert.Equal(ChattingSimulator.WorkspaceId, acme.WorkspaceId);
        Assert.Equal(ChattingSimulator.NoSiteWorkspaceId, side.WorkspaceId);
        Assert.Equal([ChattingSimulator.ApiKey, ChattingSimulator.NoSiteApiKey], Sim.Journal.Requests.Select(r => r.Headers["X-API-Key"]));
        Assert.Null(provider.GetService<ChattingClient>());
    }

    [Fact]
    public async Task The_configuration_overload_binds_the_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatApis:Chatting:ApiKey"] = ChattingSimulator.ApiKey,
            ["ChatApis:Chatting:BaseAddress"] = ApiBase.ToString(),
            ["ChatApis:Chatting:MaxRetries"] = "0",
        }).Build();
        await using var provider = Services(services => services.AddChattingClient(configuration.GetSection(ChattingClientOptions.DefaultSectionName)));

        var options = provider.GetRequiredService<IOptionsMonitor<ChattingClientOptions>>().Get(string.Empty);
        ChattingAccount me = await provider.GetRequiredService<ChattingClient>().GetMeAsync(cancellationToken: Ct);

        Assert.Equal(ChattingSimulator.ApiKey, options.ApiKey);
        Assert.Equal(0, options.MaxRetries);
        Assert.Equal("owner_123", me.WorkspaceId);
    }

    [Fact]
    public async Task The_named_configuration_overload_binds_the_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ApiKey"] = ChattingSimulator.NoSiteApiKey,
            ["BaseAddress"] = ApiBase.ToString(),
        }).Build();
        await using var provider = Services(services => services.AddChattingClient("side", configuration));

        ChattingAccount me = await provider.GetRequiredKeyedService<ChattingClient>("side").GetMeAsync(cancellationToken: Ct);

        Assert.Equal(ChattingSimulator.NoSiteWorkspaceId, me.WorkspaceId);
    }

    [Fact]
    public async Task A_missing_api_key_fails_start_up_validation_naming_the_option()
    {
        await using var provider = Services(services => services.AddChattingClient("acme", o => o.BaseAddress = ApiBase));

        var atStart = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        var atResolve = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<ChattingClient>("acme"));

        Assert.Contains("ApiKey is required", atStart.Message, StringComparison.Ordinal);
        Assert.Contains("'acme'", atStart.Message, StringComparison.Ordinal);
        Assert.Contains("ApiKey", atResolve.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Fact]
    public async Task A_plain_http_remote_address_fails_validation()
    {
        await using var provider = Services(services => services.AddChattingClient(o =>
        {
            o.ApiKey = ChattingSimulator.ApiKey;
            o.BaseAddress = new Uri("http://usechatting.com/api/zapier/");
        }));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ChattingSimulator.ApiKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_standalone_constructor_validates_the_options()
    {
        var error = Assert.Throws<ArgumentException>(() => new ChattingClient(new ChattingClientOptions { ApiKey = "  " }));
        var missing = Assert.Throws<ArgumentNullException>(() => new ChattingClient((ChattingClientOptions)null!));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("ApiKey is required", error.Message, StringComparison.Ordinal);
        Assert.Equal("options", missing.ParamName);
    }

    [Fact]
    public void The_default_base_address_is_the_documented_one()
    {
        using var client = new ChattingClient(new ChattingClientOptions { ApiKey = "any-key-format-is-accepted" });

        Assert.Equal(new Uri("https://usechatting.com/api/zapier/"), client.BaseAddress);
    }

    private ServiceProvider Services(Action<IServiceCollection> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(ClientClock);
        configure(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
