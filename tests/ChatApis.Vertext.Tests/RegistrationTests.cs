using ChatApis.Http;
using ChatApis.Testing.Vertext;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatApis.Vertext.Tests;

public class RegistrationTests : VertextTestBase
{
    [Fact]
    public async Task AddVertextClient_registers_a_working_default_client()
    {
        var services = new ServiceCollection();
        services.AddVertextClient(o => { o.AccessToken = VertextSimulator.AccessToken; o.BaseAddress = Sim.BaseAddress; });
        await using var provider = services.BuildServiceProvider();

        var bots = await provider.GetRequiredService<VertextClient>().GetChatbotsPageAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, bots.Value.Count);
    }

    [Fact]
    public async Task A_configuration_section_binds_the_token_and_address()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatApis:Vertext:AccessToken"] = VertextSimulator.AccessToken,
            ["ChatApis:Vertext:BaseAddress"] = Sim.BaseAddress.ToString(),
            ["ChatApis:Vertext:MaxRetries"] = "1",
        }).Build();
        var services = new ServiceCollection();
        services.AddVertextClient(configuration.GetSection(VertextClientOptions.DefaultSectionName));
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(1, provider.GetRequiredService<IOptionsMonitor<VertextClientOptions>>().Get("").MaxRetries);
        await provider.GetRequiredService<VertextClient>().GetChatbotsPageAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("Bearer " + VertextSimulator.AccessToken, Sim.Journal.Last.Headers["Authorization"]);
    }

    [Fact]
    public async Task Named_clients_serve_several_accounts()
    {
        var services = new ServiceCollection();
        services.AddVertextClient("good", o => { o.AccessToken = VertextSimulator.AccessToken; o.BaseAddress = Sim.BaseAddress; });
        services.AddVertextClient("stale", o => { o.AccessToken = "stale"; o.BaseAddress = Sim.BaseAddress; o.MaxRetries = 0; });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<VertextClient>("good").GetChatbotsPageAsync(cancellationToken: TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<ChatApiAuthenticationException>(() => provider.GetRequiredKeyedService<VertextClient>("stale").GetChatbotsPageAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_missing_token_fails_validation_by_name()
    {
        var services = new ServiceCollection();
        services.AddVertextClient(o => o.BaseAddress = Sim.BaseAddress);
        await using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<VertextClient>());
        Assert.Contains(error.Failures, f => f.Contains("AccessToken is required", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => new VertextClient(new VertextClientOptions()));
    }

    [Fact]
    public async Task A_mock_overrides_the_virtual_methods_without_any_server()
    {
        var mock = new FakeVertext();

        var page = await mock.GetChatbotsPageAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("fake", Assert.Single(page.Value).Name);
    }

    private sealed class FakeVertext : VertextClient
    {
        public override Task<ApiResponse<IReadOnlyList<VertextChatbot>>> GetChatbotsPageAsync(int? pageIndex = null, int? perPage = null, RequestOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ApiResponse<IReadOnlyList<VertextChatbot>>([new VertextChatbot { Name = "fake" }], System.Net.HttpStatusCode.OK));
    }
}
