using System.Net.Http.Headers;
using System.Text.Json;
using ChatApis.Testing;
using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Catalog;
using ChatApis.Testing.Chatting;
using ChatApis.Testing.Vertext;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Testing.Tests.Catalog;

/// <summary>The seeds the QuickStart and the simulator tool's --seed share.</summary>
public sealed class SimulatorSeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("docs", "docs", 0, 0)]
    [InlineData("DOCS", "docs", 0, 0)]
    [InlineData(" demo ", "demo", 70, 120)]
    [InlineData("0", "0", 0, 0)]
    [InlineData("250", "250", 250, 250)]
    [InlineData("100000", "100000", 100_000, 100_000)]
    public void Parse_reads_the_names_and_numbers(string text, string name, int conversations, int contacts)
    {
        Assert.Equal(new SimulatorSeed(name, conversations, contacts), SimulatorSeed.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("big")]
    [InlineData("-1")]
    [InlineData("100001")]
    [InlineData("1.5")]
    public void Parse_refuses_anything_else_naming_the_choices(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => SimulatorSeed.Parse(text));

        Assert.Equal("text", error.ParamName);
        Assert.StartsWith($"A seed is 'docs', 'demo' or a number from 0 to 100000 (was '{text}').", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_gives_Zipchat_75_conversations_and_the_Vertext_Demo_chatbot_120_contacts_as_the_QuickStart_shows()
    {
        await using var zipchat = new ZipchatSimulator();
        await using var vertext = new VertextSimulator();
        ZipchatCatalogEntry.Instance.Seed(zipchat, SimulatorSeed.Demo);
        VertextCatalogEntry.Instance.Seed(vertext, SimulatorSeed.Demo);
        await zipchat.StartAsync(Ct);
        await vertext.StartAsync(Ct);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var conversations = await GetArrayAsync(http, new Uri(zipchat.BaseAddress, ZipchatSimulator.ApiPath + "chats/1/conversations?per_page=100"), ZipchatSimulator.ApiKey, "conversations");
        var contacts = await GetArrayAsync(http, new Uri(vertext.BaseAddress, $"contacts/{VertextSimulator.DemoChatbotId}?page=0&per_page=500"), VertextSimulator.AccessToken, null);

        Assert.Equal(75, conversations.GetArrayLength());
        Assert.Equal(120, contacts.GetArrayLength());
        Assert.All(contacts.EnumerateArray(), c => Assert.EndsWith("@example.com", c.GetProperty("email").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Documents_adds_nothing_and_vendors_without_generated_data_accept_any_seed()
    {
        await using var zipchat = new ZipchatSimulator();
        ZipchatCatalogEntry.Instance.Seed(zipchat, SimulatorSeed.Documents);
        await zipchat.StartAsync(Ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var conversations = await GetArrayAsync(http, new Uri(zipchat.BaseAddress, ZipchatSimulator.ApiPath + "chats/1/conversations?per_page=100"), ZipchatSimulator.ApiKey, "conversations");

        Assert.Equal(5, conversations.GetArrayLength());
        await using var assistLoop = new AssistLoopSimulator();
        await using var chatting = new ChattingSimulator();
        Assert.Null(Record.Exception(() => AssistLoopCatalogEntry.Instance.Seed(assistLoop, SimulatorSeed.Demo)));
        Assert.Null(Record.Exception(() => ChattingCatalogEntry.Instance.Seed(chatting, SimulatorSeed.Demo)));
    }

    [Fact]
    public async Task Seeding_another_vendors_simulator_is_refused()
    {
        await using var vertext = new VertextSimulator();

        var error = Assert.Throws<ArgumentException>(() => ZipchatCatalogEntry.Instance.Seed(vertext, SimulatorSeed.Demo));

        Assert.Equal("simulator", error.ParamName);
        Assert.StartsWith("Expected a ZipchatSimulator, got VertextSimulator.", error.Message, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> GetArrayAsync(HttpClient http, Uri url, string token, string? property)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = document.RootElement.Clone();
        return property is null ? root : root.GetProperty(property);
    }
}
