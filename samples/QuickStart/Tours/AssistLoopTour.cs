using ChatApis.AssistLoop;
using ChatApis.Auth.OAuth;
using ChatApis.Testing.AssistLoop;
using Microsoft.Extensions.DependencyInjection;

namespace Samples.QuickStart.Tours;

/// <summary>
/// AssistLoop, both surfaces: the OAuth authorization and code exchange, a rotating refresh, then the
/// Zapier actions (conversations, messages, reply, close) and the Make-only lists (organizations, agents).
/// </summary>
internal sealed class AssistLoopTour : ITour
{
    public string Name => "AssistLoop";

    public async Task<IReadOnlyList<TourStep>> RunAsync(TourContext context, CancellationToken cancellationToken)
    {
        var section = context.Section(Name);
        var live = !string.IsNullOrWhiteSpace(section["AccessToken"]) || !string.IsNullOrWhiteSpace(section["RefreshToken"]);
        if (live)
        {
            TourContext.Announce(Name, null);
            return await RunLiveAsync(context, cancellationToken);
        }

        await using var simulator = new AssistLoopSimulator();
        await simulator.StartAsync(cancellationToken);
        TourContext.Announce(Name, simulator.BaseAddress);

        // Short-lived tokens, so the client's refresh-before-expiry (5 minutes) shows a rotation at once.
        simulator.TokenLifetimeSeconds = 120;
        var store = new InMemoryTokenStore();
        var services = new ServiceCollection();
        services.AddAssistLoopClient("zapier", o =>
        {
            o.Surface = AssistLoopSurface.Zapier;
            o.BaseAddress = new Uri(simulator.BaseAddress, "api/v1/");
            o.ClientId = AssistLoopSimulator.ClientId;
            o.ClientSecret = AssistLoopSimulator.ClientSecret;
            o.RedirectUri = new Uri(AssistLoopSimulator.ZapierRedirectUri);
            o.TokenStore = store;
        });
        var makeToken = simulator.IssueTokens(AssistLoopSimulator.AllScopes);
        services.AddAssistLoopClient("make", o =>
        {
            o.Surface = AssistLoopSurface.Make;
            o.BaseAddress = new Uri(simulator.BaseAddress, "v1/");
            o.AccessToken = makeToken.AccessToken;
        });
        await using var provider = services.BuildServiceProvider();
        var zapier = provider.GetRequiredKeyedService<AssistLoopClient>("zapier");
        var make = provider.GetRequiredKeyedService<AssistLoopClient>("make");
        var steps = new StepLog();

        // OAuth: the user approves, the redirect hands back code and state, the code becomes tokens.
        var state = AssistLoopOAuthState.Create();
        const AssistLoopScopes requested = AssistLoopScopes.All;
        var authorization = await zapier.AuthorizeAsync(state, scopes: requested, sessionCookie: AssistLoopSimulator.SessionCookie, cancellationToken: cancellationToken);
        var tokens = await zapier.ExchangeCodeAsync(authorization.Value.Code, cancellationToken: cancellationToken);
        // AssistLoop's token response has no "scope" field (its documents show token_type, expires_in and the two
        // tokens only); OAuth 2.0 (RFC 6749, 5.1) reads that as "granted as requested", so those are the scopes.
        var scopes = string.IsNullOrWhiteSpace(tokens.Value.Scope) ? $"{requested.ToScopeString()}, as requested" : tokens.Value.Scope;
        steps.Add(new("AssistLoop (Zapier)", "OAuth authorize + code exchange", $"approved by {authorization.Value.User?.Name}; state checked; tokens saved (scopes: {scopes})"));

        var exchanged = (await store.GetTokensAsync(cancellationToken))!.RefreshToken;
        var me = await zapier.GetMeAsync(cancellationToken: cancellationToken);
        var rotated = (await store.GetTokensAsync(cancellationToken))!.RefreshToken != exchanged;
        steps.Add(new("AssistLoop (Zapier)", "Refresh with rotation", $"{simulator.RefreshCount} refresh before expiry; rotated refresh token stored first: {(rotated ? "yes" : "no")}"));
        steps.Add(new("AssistLoop (Zapier)", "GET oauth/me", $"{me.Value.Name} <{me.Value.Email}>"));

        var conversations = await zapier.ListConversationsAsync(AssistLoopSimulator.AgentUuid, status: AssistLoopConversationStatus.Open, perPage: 20, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        steps.Add(new("AssistLoop (Zapier)", "List open conversations", $"{conversations.Count} for agent {AssistLoopSimulator.AgentUuid}"));

        var messages = await zapier.ListMessagesAsync(AssistLoopSimulator.ConversationUuid, perPage: 10, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        steps.Add(new("AssistLoop (Zapier)", "List messages (newest first)", $"{messages.Count} messages; latest: \"{messages.FirstOrDefault()?.Content}\""));

        var reply = await zapier.ReplyAsync(AssistLoopSimulator.ConversationUuid, "Thanks for waiting: a human agent is here.", cancellationToken: cancellationToken);
        var closed = await zapier.CloseConversationAsync(AssistLoopSimulator.ConversationUuid, cancellationToken: cancellationToken);
        steps.Add(new("AssistLoop (Zapier)", "Reply, then close", $"{reply.Value.Status} {reply.Value.MessageId}; {closed.Value.Status} ({closed.Value.Platform})"));

        var organizations = await make.ListOrganizationsAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var agents = await make.ListAgentsAsync(organizations[0].OrganizationUuid, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        steps.Add(new("AssistLoop (Make)", "Organizations and agents", $"{string.Join(", ", organizations.Select(o => o.Name))}; agents of {organizations[0].Name}: {string.Join(", ", agents.Select(a => a.Name))}"));

        var makeConversations = await make.ListConversationsAsync(agents[0].AgentUuid, perPage: 100, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        steps.Add(new("AssistLoop (Make)", "List conversations", $"{makeConversations.Count} for agent {agents[0].Name}"));
        return steps;
    }

    private static async Task<IReadOnlyList<TourStep>> RunLiveAsync(TourContext context, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddAssistLoopClient(context.Section("AssistLoop"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<AssistLoopClient>();
        var surface = $"AssistLoop ({client.Surface})";
        var me = await client.GetMeAsync(cancellationToken: cancellationToken);
        var steps = new StepLog { new(surface, "GET oauth/me", $"{me.Value.Name} <{me.Value.Email}>") };
        if (client.Surface == AssistLoopSurface.Make)
        {
            var organizations = await client.ListOrganizationsAsync(cancellationToken: cancellationToken).ToListAsync(cancellationToken);
            steps.Add(new(surface, "Organizations", string.Join(", ", organizations.Select(o => o.Name))));
        }

        if (context.Configuration["ASSISTLOOP_AGENT_UUID"] is { Length: > 0 } agent)
        {
            var conversations = await client.ListConversationsAsync(agent, status: AssistLoopConversationStatus.Open, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
            steps.Add(new(surface, "List open conversations", $"{conversations.Count} for agent {agent}"));
        }

        return steps;
    }
}
