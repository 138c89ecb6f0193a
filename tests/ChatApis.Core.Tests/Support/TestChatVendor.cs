using ChatApis.Auth;
using ChatApis.Http;
using ChatApis.Vendors;

namespace ChatApis.Core.Tests.Support;

/// <summary>A vendor descriptor as a vendor package writes one, for what only a descriptor-built pipeline does.</summary>
internal sealed class TestChatVendor : ChatApiVendor<TestChatClient, ChatApiClientOptions>
{
    public static TestChatVendor Instance { get; } = new();

    public override VendorProfile Profile { get; } = TestVendor.Profile();

    protected internal override DelegatingHandler CreateAuthenticationHandler(ChatApiClientContext<ChatApiClientOptions> context) => new BearerTokenHandler("tok_123");

    protected internal override TestChatClient CreateClient(ChatApiClientContext<ChatApiClientOptions> context) => new(context.Pipeline);
}

internal sealed class TestChatClient(ChatApiPipeline pipeline) : ChatApiClient(pipeline, ownsPipeline: true)
{
    public ChatApiPipeline Calls => Pipeline;
}
