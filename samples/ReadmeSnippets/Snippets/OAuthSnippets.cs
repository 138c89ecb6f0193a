using ChatApis.AssistLoop;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Samples.ReadmeSnippets.Snippets;

/// <summary>README: OAuth 2.0 with AssistLoop and a token store.</summary>
internal static class OAuthSnippets
{
    public static void Register(IServiceCollection services, IConfiguration configuration, string tokenFile)
    {
        #region snippet:oauth-setup
        services.AddAssistLoopClient(o =>
        {
            o.Surface = AssistLoopSurface.Make;
            o.ClientId = configuration["AssistLoop:ClientId"];
            o.ClientSecret = configuration["AssistLoop:ClientSecret"];
            o.RedirectUri = new Uri("https://app.example.com/assistloop/callback");
            o.TokenStore = new FileTokenStore(tokenFile);
        });
        #endregion
    }

    public static async Task<string> AuthorizeAsync(AssistLoopClient assistLoop, Func<string, Task<Uri>> sendUserToAuthorizeAsync)
    {
        #region snippet:oauth-flow
        var state = AssistLoopOAuthState.Create();                 // keep it in the user's session
        Uri redirect = await sendUserToAuthorizeAsync(state);      // AssistLoop redirects back to RedirectUri
        var code = AssistLoopOAuthState.ReadCode(redirect, state); // checks the state, then reads the code
        await assistLoop.ExchangeCodeAsync(code);                  // tokens saved to the store, refreshed from now on
        var me = await assistLoop.GetMeAsync();
        #endregion

        return me.Value.Uuid;
    }
}
