using ChatApis.AssistLoop;
using ChatApis.Auth.OAuth;
using ChatApis.Testing.AssistLoop;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatApis.AssistLoop.Tests;

public sealed class RegistrationTests : AssistLoopTestBase
{
    [Fact]
    public async Task The_default_client_resolves_and_works()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Clock);
        services.AddAssistLoopClient(o => Copy(Options(AssistLoopSurface.Zapier), o));
        await using var provider = services.BuildServiceProvider(true);

        var client = provider.GetRequiredService<AssistLoopClient>();
        var me = await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("usr_abc123", me.Value.Uuid);
        Assert.Equal(AssistLoopSurface.Zapier, client.Surface);
        Assert.Equal("/api/v1/oauth/me", Sim.Journal.Last.Path);
    }

    [Fact]
    public async Task Named_clients_are_separate_accounts_with_their_own_tokens()
    {
        var first = Sim.IssueTokens(expiresIn: TimeSpan.FromSeconds(10));
        var second = Sim.IssueTokens();
        var firstStore = new InMemoryTokenStore(new OAuthTokens(first.AccessToken, first.RefreshToken, first.ExpiresAt));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Clock);
        services.AddAssistLoopClient("zapier-account", o => Copy(Options(AssistLoopSurface.Zapier, x => x.TokenStore = firstStore), o));
        services.AddAssistLoopClient("make-account", o => Copy(Options(AssistLoopSurface.Make, x => { x.AccessToken = second.AccessToken; x.RefreshToken = second.RefreshToken; }), o));
        await using var provider = services.BuildServiceProvider(true);
        Clock.Advance(TimeSpan.FromMinutes(1));

        var zapier = provider.GetRequiredKeyedService<AssistLoopClient>("zapier-account");
        var make = provider.GetRequiredKeyedService<AssistLoopClient>("make-account");
        await zapier.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);
        var organizations = await OnlyPage(make.ListOrganizationsAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(2, organizations.Items.Count);
        Assert.Equal(1, Sim.RefreshCount);
        Assert.NotEqual(first.RefreshToken, (await firstStore.GetTokensAsync(TestContext.Current.CancellationToken))!.RefreshToken);
        AssertBearer(Sim.Journal.Last, second.AccessToken);
        Assert.Same(firstStore, zapier.TokenStore);
        Assert.NotSame(zapier.TokenStore, make.TokenStore);
    }

    [Fact]
    public async Task The_configuration_overload_binds_every_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatApis:AssistLoop:Surface"] = "Make",
            ["ChatApis:AssistLoop:BaseAddress"] = new Uri(Sim.BaseAddress, "v1/").ToString(),
            ["ChatApis:AssistLoop:ClientId"] = AssistLoopSimulator.ClientId,
            ["ChatApis:AssistLoop:ClientSecret"] = AssistLoopSimulator.ClientSecret,
            ["ChatApis:AssistLoop:AccessToken"] = AssistLoopSimulator.AccessToken,
            ["ChatApis:AssistLoop:RefreshToken"] = AssistLoopSimulator.RefreshToken,
            ["ChatApis:AssistLoop:RedirectUri"] = AssistLoopSimulator.MakeRedirectUri,
            ["ChatApis:AssistLoop:RefreshScopes"] = "ReadConversations, ReadMessages",
            ["ChatApis:AssistLoop:MaxRetries"] = "0",
        }).Build();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Clock);
        services.AddAssistLoopClient(configuration.GetSection(AssistLoopClientOptions.DefaultSectionName));
        await using var provider = services.BuildServiceProvider(true);

        var options = provider.GetRequiredService<IOptionsMonitor<AssistLoopClientOptions>>().Get("");
        var client = provider.GetRequiredService<AssistLoopClient>();
        var agents = await OnlyPage(client.ListAgentsAsync(AssistLoopSimulator.MakeOrganizationUuid, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(AssistLoopSurface.Make, options.Surface);
        Assert.Equal(new Uri(AssistLoopSimulator.MakeRedirectUri), options.RedirectUri);
        Assert.Equal(AssistLoopScopes.ReadConversations | AssistLoopScopes.ReadMessages, options.RefreshScopes);
        Assert.Equal(0, options.MaxRetries);
        Assert.Equal(2, agents.Items.Count);
        Assert.Equal("/v1/organizations/org_abc123xyz/agents", Sim.Journal.Last.Path);
    }

    [Fact]
    public async Task A_Make_client_without_a_base_address_targets_the_Make_base()
    {
        var services = new ServiceCollection();
        services.AddAssistLoopClient(o => { o.Surface = AssistLoopSurface.Make; o.AccessToken = "token"; });
        await using var provider = services.BuildServiceProvider(true);

        Assert.Equal(new Uri("https://api.assistloop.ai/v1/"), provider.GetRequiredService<AssistLoopClient>().BaseAddress);
    }

    [Theory]
    [InlineData("none", "A token source is required")]
    [InlineData("refresh-without-secret", "ClientSecret is required")]
    [InlineData("store-without-id", "ClientId is required")]
    [InlineData("bad-surface", "Surface must be Zapier or Make")]
    [InlineData("http-base", "BaseAddress")]
    public async Task Invalid_options_fail_at_start_up_naming_the_option(string problem, string expected)
    {
        var services = new ServiceCollection();
        services.AddAssistLoopClient("broken", o =>
        {
            switch (problem)
            {
                case "refresh-without-secret": o.RefreshToken = "r"; o.ClientId = "id"; break;
                case "store-without-id": o.TokenStore = new InMemoryTokenStore(); o.ClientSecret = "s"; break;
                case "bad-surface": o.AccessToken = "t"; o.Surface = (AssistLoopSurface)5; break;
                case "http-base": o.AccessToken = "t"; o.BaseAddress = new Uri("http://api.example.com/v1/"); break;
            }
        });
        await using var provider = services.BuildServiceProvider(true);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<AssistLoopClient>("broken"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("'broken'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_never_repeats_a_secret()
    {
        var options = new AssistLoopClientOptions { RefreshToken = "def50200_secret_refresh", ClientSecret = "very-secret", Surface = (AssistLoopSurface)9 };

        var problems = string.Join(" ", options.Validate());
        var error = Assert.Throws<ArgumentException>(() => new AssistLoopClient(options));

        Assert.Contains("ClientId is required", problems, StringComparison.Ordinal);
        Assert.DoesNotContain("def50200_secret_refresh", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refresh_token_alone_is_enough_to_start()
    {
        var issued = Sim.IssueTokens();
        var client = Client(configure: o => { o.AccessToken = null; o.RefreshToken = issued.RefreshToken; });

        var me = await client.GetMeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("usr_abc123", me.Value.Uuid);
        Assert.Equal(["POST /oauth/token", "GET /api/v1/oauth/me"], Sim.Journal.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    private static void Copy(AssistLoopClientOptions from, AssistLoopClientOptions to)
    {
        to.Surface = from.Surface;
        to.BaseAddress = from.BaseAddress;
        to.ClientId = from.ClientId;
        to.ClientSecret = from.ClientSecret;
        to.AccessToken = from.AccessToken;
        to.RefreshToken = from.RefreshToken;
        to.TokenStore = from.TokenStore;
        to.MaxRetries = from.MaxRetries;
    }
}
