using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Vertext;
using ChatApis.Zipchat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Samples.ReadmeSnippets.Snippets;

/// <summary>README: dependency injection, named clients, settings.</summary>
internal static class SetupSnippets
{
    public static async Task DependencyInjectionAsync(HostApplicationBuilder builder)
    {
        #region snippet:di
        builder.Services.AddAssistLoopClient(builder.Configuration.GetSection("ChatApis:AssistLoop"));
        builder.Services.AddZipchatClient(builder.Configuration.GetSection("ChatApis:Zipchat"));
        builder.Services.AddChattingClient(builder.Configuration.GetSection("ChatApis:Chatting"));
        builder.Services.AddVertextClient(builder.Configuration.GetSection("ChatApis:Vertext"));

        using var host = builder.Build();
        var zipchat = host.Services.GetRequiredService<ZipchatClient>(); // or inject it anywhere
        #endregion

        await zipchat.GetUsersPageAsync();
        _ = host.Services.GetRequiredService<AssistLoopClient>();
        _ = host.Services.GetRequiredService<ChattingClient>();
        await host.Services.GetRequiredService<VertextClient>().GetChatbotsPageAsync();
    }

    public static async Task NamedClientsAsync(IServiceCollection services, string apiKeyEu, string apiKeyUs, Uri baseAddress)
    {
        #region snippet:named
        services.AddZipchatClient("store-eu", o => { o.ApiKey = apiKeyEu; o.ChatId = 1; o.BaseAddress = baseAddress; });
        services.AddZipchatClient("store-us", o => { o.ApiKey = apiKeyUs; o.ChatId = 2; o.BaseAddress = baseAddress; });

        await using var provider = services.BuildServiceProvider();
        var eu = provider.GetRequiredKeyedService<ZipchatClient>("store-eu");
        var us = provider.GetRequiredKeyedService<ZipchatClient>("store-us");
        #endregion

        await eu.GetUsersPageAsync();
        await us.GetUsersPageAsync();
    }

    public static ZipchatClientOptions Settings(string apiKey, Uri baseAddress)
    {
        #region snippet:settings
        var options = new ZipchatClientOptions
        {
            ApiKey = apiKey,
            ChatId = 1,
            MaxRetries = 3,                                    // retried only where repeating is safe
            RetryBaseDelay = TimeSpan.FromMilliseconds(500),   // doubles each retry, with jitter
            MaxRetryAfter = TimeSpan.FromSeconds(60),          // a longer server hint fails at once
            AttemptTimeout = TimeSpan.FromSeconds(30),
            TotalTimeout = TimeSpan.FromMinutes(2),
            EnableRateLimiting = true,                         // queue within 120 requests per 60 s
        };
        #endregion

        options.BaseAddress = baseAddress;
        return options;
    }
}
