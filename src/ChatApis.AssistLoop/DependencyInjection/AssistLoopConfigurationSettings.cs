using ChatApis.AssistLoop;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The configuration-bindable part of <see cref="AssistLoopClientOptions"/> (everything except the
/// token store, which is an object, not a setting): bound from a section, then copied over.
/// </summary>
internal sealed class AssistLoopConfigurationSettings
{
    public AssistLoopSurface Surface { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? AccessToken { get; set; }

    public string? RefreshToken { get; set; }

    public DateTimeOffset? AccessTokenExpiresAt { get; set; }

    public Uri? RedirectUri { get; set; }

    public AssistLoopScopes? RefreshScopes { get; set; }

    public TimeSpan RefreshBeforeExpiry { get; set; }

    public static AssistLoopConfigurationSettings From(AssistLoopClientOptions options) => new()
    {
        Surface = options.Surface,
        ClientId = options.ClientId,
        ClientSecret = options.ClientSecret,
        AccessToken = options.AccessToken,
        RefreshToken = options.RefreshToken,
        AccessTokenExpiresAt = options.AccessTokenExpiresAt,
        RedirectUri = options.RedirectUri,
        RefreshScopes = options.RefreshScopes,
        RefreshBeforeExpiry = options.RefreshBeforeExpiry,
    };

    public void ApplyTo(AssistLoopClientOptions options)
    {
        options.Surface = Surface;
        options.ClientId = ClientId;
        options.ClientSecret = ClientSecret;
        options.AccessToken = AccessToken;
        options.RefreshToken = RefreshToken;
        options.AccessTokenExpiresAt = AccessTokenExpiresAt;
        options.RedirectUri = RedirectUri;
        options.RefreshScopes = RefreshScopes;
        options.RefreshBeforeExpiry = RefreshBeforeExpiry;
    }
}
