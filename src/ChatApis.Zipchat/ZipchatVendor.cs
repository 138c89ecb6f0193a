using ChatApis.Auth;
using ChatApis.Http;
using ChatApis.RateLimiting;
using ChatApis.Vendors;

namespace ChatApis.Zipchat;

/// <summary>
/// The Zipchat descriptor, used alike by <c>new ZipchatClient(options)</c> and by
/// <c>services.AddZipchatClient(...)</c>: the Backend API's default address, its prose error texts mapped to
/// stable codes, 120 requests per 60 s per integration, and the API key sent as a bearer token.
/// </summary>
public sealed class ZipchatVendor : ChatApiVendor<ZipchatClient, ZipchatClientOptions>
{
    private ZipchatVendor()
    {
    }

    /// <summary>The one instance.</summary>
    public static ZipchatVendor Instance { get; } = new();

    /// <inheritdoc />
    public override VendorProfile Profile { get; } = new()
    {
        Name = "Zipchat",
        DefaultBaseAddress = new Uri("https://app.zipchat.ai/api/integrations/backend_api/v1/"),
        ErrorReader = new ZipchatErrorBodyReader(),

        // The documented budget: 120 requests per 60-second window per integration (API key).
        RateLimits = [new RateLimitBudget(RateLimitBudget.General, 120, TimeSpan.FromSeconds(60))],
    };

    /// <inheritdoc />
    protected override DelegatingHandler CreateAuthenticationHandler(ChatApiClientContext<ZipchatClientOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new BearerTokenHandler(context.Options.ApiKey!);
    }

    /// <inheritdoc />
    protected override ZipchatClient CreateClient(ChatApiClientContext<ZipchatClientOptions> context) => new(context);
}
