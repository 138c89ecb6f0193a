using ChatApis.Vertext;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Samples.TrimSmoke;

/// <summary>Vertext: the first page of chatbots, every field against the raw response.</summary>
internal static class VertextCheck
{
    private const int PerPage = 10;

    // The simulator's seeded chatbots: the documents' two examples, then the one with contacts.
    private static readonly string[] SeededChatbotIds =
    [
        "7a81c98d-12c3-4edf-41ac-df1e6762d677",
        "2b9e1f4a-8c21-4e3b-bc7a-5f2e8a1d1234",
        "7a81c98d-12c9-4edf-a1ac-df136762d677",
    ];

    public static async Task<SmokeReport> RunAsync(VertextClient client, IConfiguration section, HttpClient http, CancellationToken cancellationToken)
    {
        var report = new SmokeReport("Vertext");
        var response = await client.GetChatbotsPageAsync(pageIndex: 0, perPage: PerPage, cancellationToken: cancellationToken).ConfigureAwait(false);
        var raw = await RawJson.GetAsync(
            http, new Uri(client.BaseAddress, $"chatbots/list?page=0&per_page={PerPage}"), "Authorization", $"Bearer {section["AccessToken"]}", cancellationToken).ConfigureAwait(false);

        var chatbots = response.Value;
        report.Expect(chatbots.Select(c => c.Id).SequenceEqual(SeededChatbotIds), $"chatbots {string.Join(", ", SeededChatbotIds)}");
        report.Expect(
            chatbots.Count > 0 && chatbots[0] is { Name: "Demo", Temperature: 0.7 } demo && demo.CreatedAt == DateTimeOffset.FromUnixTimeSeconds(1751661250),
            "the documents' Demo chatbot first (temperature 0.7, created 1751661250)");
        JsonFieldCheck.Items("chatbots", raw, chatbots, report, static (check, bot) => check
            .String("id", bot.Id)
            .String("name", bot.Name)
            .String("description", bot.Description)
            .String("prompt", bot.Prompt)
            .Number("temperature", bot.Temperature)
            .UnixSeconds("created_at", bot.CreatedAt)
            .String("user_id", bot.UserId)
            .String("status", bot.Status.Value));

        report.Summary = $"GetChatbotsPageAsync: {chatbots.Count} chatbot(s): {string.Join(", ", chatbots.Select(c => c.Name))}";
        return report;
    }
}

/// <summary>Vertext's place in the smoke run.</summary>
internal sealed class VertextSmoke : SmokeCheck
{
    public override string Vendor => "Vertext";

    public override IReadOnlyDictionary<string, string> SeededSettings { get; } = new Dictionary<string, string> { ["AccessToken"] = "vtx_sim_access_token" };

    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void Join() => Register(new VertextSmoke());

    public override void AddClient(IServiceCollection services, IConfiguration section) => services.AddVertextClient(section);

    public override Task<SmokeReport> RunAsync(IServiceProvider services, IConfiguration section, HttpClient http, CancellationToken cancellationToken) =>
        VertextCheck.RunAsync(services.GetRequiredService<VertextClient>(), section, http, cancellationToken);
}
