using ChatApis.Auth;
using ChatApis.Core.Tests.Support;
using ChatApis.DependencyInjection;
using ChatApis.Vendors;
using ChatApis.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatApis.Core.Tests.DependencyInjection;

public class RegistrationTests : SimulatorTest
{
    private sealed class SampleClient(ChatApiPipeline pipeline) : ChatApiClient(pipeline)
    {
        public Task<ApiResponse<Thing>> GetThingAsync(CancellationToken cancellationToken = default) =>
            Pipeline.GetThingAsync(cancellationToken);
    }

    private sealed class SampleOptions : ChatApiClientOptions
    {
        public string? Key { get; set; }

        public override IEnumerable<string> Validate() =>
            string.IsNullOrEmpty(Key) ? base.Validate().Append("Key is required.") : base.Validate();
    }

    // The vendor descriptor a vendor package declares: the credentials handler and the client, built the same
    // way for every registration.
    private sealed class SampleVendor : ChatApiVendor<SampleClient, SampleOptions>
    {
        public static SampleVendor Instance { get; } = new();

        public override VendorProfile Profile { get; } = TestVendor.Profile();

        protected internal override DelegatingHandler CreateAuthenticationHandler(ChatApiClientContext<SampleOptions> context) => new ApiKeyHandler("X-Key", context.Options.Key!);

        protected internal override SampleClient CreateClient(ChatApiClientContext<SampleOptions> context) => new(context.Pipeline);
    }

    private static IServiceCollection Services(string name, Action<SampleOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddChatApiClient(name, SampleVendor.Instance, configure);
        return services;
    }

    [Fact]
    public async Task The_default_client_is_injectable_and_sends_through_its_handlers()
    {
        using var provider = Services("", o => { o.Key = "key-1"; o.BaseAddress = new Uri(Sim.BaseAddress, "v1/"); }).BuildServiceProvider();

        var client = provider.GetRequiredService<SampleClient>();
        var thing = await client.GetThingAsync(TestContext.Current.CancellationToken);

        Assert.Equal("t1", thing.Value.Id);
        Assert.Equal("key-1", Sim.Journal.Last.Headers["X-Key"]);
        Assert.Same(client, provider.GetRequiredService<SampleClient>());
    }

    [Fact]
    public async Task Named_clients_keep_their_own_credentials()
    {
        var services = Services("a", o => { o.Key = "key-a"; o.BaseAddress = new Uri(Sim.BaseAddress, "v1/"); });
        services.AddChatApiClient("b", SampleVendor.Instance, o => { o.Key = "key-b"; o.BaseAddress = new Uri(Sim.BaseAddress, "v1/"); });
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<SampleClient>("a").GetThingAsync(TestContext.Current.CancellationToken);
        await provider.GetRequiredKeyedService<SampleClient>("b").GetThingAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["key-a", "key-b"], Sim.Journal.Requests.Select(r => r.Headers["X-Key"]));
        Assert.Null(provider.GetService<SampleClient>());
    }

    [Fact]
    public void Invalid_options_fail_validation_with_every_problem_named()
    {
        using var provider = Services("", o => o.BaseAddress = new Uri("http://api.example.com/")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<SampleClient>());

        Assert.Contains(error.Failures, f => f.Contains("Key is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("BaseAddress", StringComparison.Ordinal));
    }

    [Fact]
    public void The_http_client_has_no_timeout_of_its_own()
    {
        using var provider = Services("", o => o.Key = "k").BuildServiceProvider();
        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ChatApiServiceCollectionExtensions.HttpClientName(TestVendor.Profile(), ""));
        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
    }
}
