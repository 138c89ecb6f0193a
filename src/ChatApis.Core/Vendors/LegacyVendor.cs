using System.Diagnostics.CodeAnalysis;
using ChatApis.Http;

namespace ChatApis.Vendors;

// Adapts the delegate-based registration to a descriptor while vendors move to their own descriptors.
internal sealed class LegacyVendor<TClient, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
    VendorProfile profile,
    Func<IServiceProvider, string, TOptions, DelegatingHandler> createAuthHandler,
    Func<ChatApiClientContext<TOptions>, TClient> createClient) : ChatApiVendor<TClient, TOptions>
    where TClient : ChatApiClient
    where TOptions : ChatApiClientOptions
{
    public override VendorProfile Profile => profile;

    protected internal override DelegatingHandler CreateAuthenticationHandler(ChatApiClientContext<TOptions> context) =>
        createAuthHandler(context.Services!, context.Name, context.Options);

    protected internal override TClient CreateClient(ChatApiClientContext<TOptions> context) => createClient(context);
}
