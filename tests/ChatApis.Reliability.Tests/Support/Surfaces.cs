using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Http;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Chatting;
using ChatApis.Testing.Vertext;
using ChatApis.Testing.Zipchat;
using ChatApis.Vertext;
using ChatApis.Zipchat;

namespace ChatApis.Reliability.Tests.Support;

/// <summary>The five surfaces: AssistLoop's Zapier and Make APIs, Zipchat, Chatting and Vertext.</summary>
public static class Surfaces
{
    public static readonly Surface AssistLoopZapier = new AssistLoopSurfaceDefinition(AssistLoopSurface.Zapier);
    public static readonly Surface AssistLoopMake = new AssistLoopSurfaceDefinition(AssistLoopSurface.Make);
    public static readonly Surface Zipchat = new ZipchatSurface();
    public static readonly Surface Chatting = new ChattingSurface();
    public static readonly Surface Vertext = new VertextSurface();

    public static IReadOnlyList<Surface> All { get; } = [AssistLoopZapier, AssistLoopMake, Zipchat, Chatting, Vertext];

    public static Surface ByName(string name) => All.Single(s => s.Name == name);

    private static Task<object?> Box<T>(Task<ApiResponse<T>> call) => call.ContinueWith<object?>(t => t.GetAwaiter().GetResult(), TaskScheduler.Default);

    // A one-response list (AssistLoop's): its first page's response (the list is its value), fetched as the caller enumerates.
    private static async Task<object?> BoxFirstPage<T>(ChatApis.Pagination.AsyncPageable<T> list)
    {
        await foreach (var page in list.AsPages())
        {
            return page.Response;
        }

        return null;
    }

    public sealed class AssistLoopSurfaceDefinition(AssistLoopSurface surface) : Surface(surface == AssistLoopSurface.Make ? "AssistLoop Make" : "AssistLoop Zapier")
    {
        public AssistLoopSurface Kind => surface;

        public override string Name => surface == AssistLoopSurface.Make ? "AssistLoop.Make" : "AssistLoop.Zapier";

        public string BasePath => "/" + InCatalog.ApiPath;

        public AssistLoopClientOptions Options(Uri baseAddress, ClientSettings settings)
        {
            var options = new AssistLoopClientOptions
            {
                Surface = surface,
                BaseAddress = baseAddress,
                ClientId = AssistLoopSimulator.ClientId,
                ClientSecret = AssistLoopSimulator.ClientSecret,
                AccessToken = AssistLoopSimulator.AccessToken,
                RefreshToken = AssistLoopSimulator.RefreshToken,
            };
            settings.ApplyTo(options);
            return options;
        }

        public override ChatApiClient CreateClient(Uri baseAddress, ClientSettings settings) =>
            new AssistLoopClient(Options(baseAddress, settings), settings.Time, SecretSink.LoggerFactory);

        public override SurfaceCall Read => surface == AssistLoopSurface.Make
            ? new("list organizations", "GET", "/v1/my/organizations", true, (c, ct) => BoxFirstPage(((AssistLoopClient)c).ListOrganizationsAsync(cancellationToken: ct)))
            : new("list conversations", "GET", $"/api/v1/automation/agents/{AssistLoopSimulator.AgentUuid}/conversations/list", true,
                (c, ct) => BoxFirstPage(((AssistLoopClient)c).ListConversationsAsync(AssistLoopSimulator.AgentUuid, cancellationToken: ct)));

        public override SurfaceCall Write => new("reply", "POST", $"{BasePath}automation/conversations/{AssistLoopSimulator.ConversationUuid}/reply", false,
            (c, ct) => Box(((AssistLoopClient)c).ReplyAsync(AssistLoopSimulator.ConversationUuid, "We are on it.", cancellationToken: ct)));

        public override IEnumerable<string> Secrets => [AssistLoopSimulator.AccessToken, AssistLoopSimulator.RefreshToken, AssistLoopSimulator.ClientSecret];

        public override string ErrorBody(string code, string message) => $$"""{"error":"{{code}}","message":"{{message}}"}""";
    }

    public sealed class ZipchatSurface() : Surface("Zipchat")
    {
        public override string Name => "Zipchat";

        public override ChatApiClient CreateClient(Uri baseAddress, ClientSettings settings)
        {
            var options = new ZipchatClientOptions { ApiKey = ZipchatSimulator.ApiKey, ChatId = ZipchatSimulator.ChatId, BaseAddress = baseAddress };
            settings.ApplyTo(options);
            return new ZipchatClient(options, settings.Time, SecretSink.LoggerFactory);
        }

        public override SurfaceCall Read => new("get user", "GET", $"/{ZipchatSimulator.ApiPath}chats/{ZipchatSimulator.ChatId}/users/{ZipchatSimulator.OwnerUserId}", true,
            (c, ct) => Box(((ZipchatClient)c).GetUserAsync(ZipchatSimulator.OwnerUserId, cancellationToken: ct)));

        public override SurfaceCall Write => new("send message", "POST", $"/{ZipchatSimulator.ApiPath}chats/{ZipchatSimulator.ChatId}/conversations/{ZipchatSimulator.WhatsAppConversationId}/messages", false,
            (c, ct) => Box(((ZipchatClient)c).SendMessageAsync(ZipchatSimulator.WhatsAppConversationId, "Yes, we ship to Italy.", ZipchatSimulator.OwnerUserId, cancellationToken: ct)));

        public override IEnumerable<string> Secrets => [ZipchatSimulator.ApiKey, ZipchatSimulator.OtherChatApiKey];

        public override IEnumerable<string> ClientCredentials => [ZipchatSimulator.ApiKey];

        public override string ErrorBody(string code, string message) => $$"""{"error":"{{message}}"}""";
    }

    public sealed class ChattingSurface() : Surface("Chatting")
    {
        private static int _emails;

        public override string Name => "Chatting";

        public override ChatApiClient CreateClient(Uri baseAddress, ClientSettings settings)
        {
            var options = new ChattingClientOptions { ApiKey = ChattingSimulator.ApiKey, BaseAddress = baseAddress };
            settings.ApplyTo(options);
            return new ChattingClient(options, settings.Time, SecretSink.LoggerFactory);
        }

        public override SurfaceCall Read => new("get me", "GET", "/api/zapier/me", true, (c, ct) => Box(((ChattingClient)c).GetMeAsync(cancellationToken: ct)));

        // Chatting's create is retry-safe: the SDK sends one idempotency key on every attempt.
        public override SurfaceCall Write => new("create contact", "POST", "/api/zapier/contacts", true,
            (c, ct) => Box(((ChattingClient)c).CreateContactAsync(new ChattingNewContact($"lead{Interlocked.Increment(ref _emails)}@example.com"), cancellationToken: ct)));

        public override IEnumerable<string> Secrets => [ChattingSimulator.ApiKey, ChattingSimulator.NoSiteApiKey];

        public override IEnumerable<string> ClientCredentials => [ChattingSimulator.ApiKey];

        public override string ErrorBody(string code, string message) => $$"""{"error":"{{code}}","message":"{{message}}"}""";
    }

    public sealed class VertextSurface() : Surface("Vertext")
    {
        public override string Name => "Vertext";

        public override ChatApiClient CreateClient(Uri baseAddress, ClientSettings settings)
        {
            var options = new VertextClientOptions { AccessToken = VertextSimulator.AccessToken, BaseAddress = baseAddress };
            settings.ApplyTo(options);
            return new VertextClient(options, settings.Time, SecretSink.LoggerFactory);
        }

        public override SurfaceCall Read => new("list chatbots", "GET", "/chatbots/list", true, (c, ct) => Box(((VertextClient)c).GetChatbotsPageAsync(cancellationToken: ct)));

        public override SurfaceCall Write => new("create subscription", "POST", $"/chatbots/{VertextSimulator.DemoChatbotId}/zapier_subscriptions", false,
            (c, ct) => Box(((VertextClient)c).SubscribeWebhookAsync(VertextSimulator.DemoChatbotId, new Uri("https://hooks.example.com/catch/1"), cancellationToken: ct)));

        public override IEnumerable<string> Secrets => [VertextSimulator.AccessToken];

        public override string ErrorBody(string code, string message) => message;
    }
}
