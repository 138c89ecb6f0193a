using ChatApis.Testing;
using ChatApis.Testing.Vertext;

namespace ChatApis.Vertext.Tests;

public class ChatbotTests : VertextTestBase
{
    internal static void AssertDemo(VertextChatbot bot)
    {
        Assert.Equal("7a81c98d-12c3-4edf-41ac-df1e6762d677", bot.Id);
        Assert.Equal("Demo", bot.Name);
        Assert.Equal("Chatbot used for internal testing.", bot.Description);
        Assert.Equal("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", bot.Prompt);
        Assert.Equal(0.7, bot.Temperature);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1751661250), bot.CreatedAt);
        Assert.Equal("dae7cf95-1376-476a-b249-01b1cb2d3345", bot.UserId);
        Assert.Equal(VertextChatbotStatus.Active, bot.Status);
        Assert.Null(bot.AdditionalProperties);
    }

    internal static void AssertSupportBot(VertextChatbot bot)
    {
        Assert.Equal("2b9e1f4a-8c21-4e3b-bc7a-5f2e8a1d1234", bot.Id);
        Assert.Equal("SupportBot", bot.Name);
        Assert.Equal("Chatbot for customer support.", bot.Description);
        Assert.Equal("How can I assist you with your support needs today?", bot.Prompt);
        Assert.Equal(0.5, bot.Temperature);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1751661350), bot.CreatedAt);
        Assert.Equal("dae7cf95-1376-476a-b249-01b1cb2d3345", bot.UserId);
        Assert.Equal(VertextChatbotStatus.Active, bot.Status);
    }

    [Fact]
    public async Task A_page_of_chatbots_sends_the_documented_request_and_parses_every_field()
    {
        var page = await Client.GetChatbotsPageAsync(pageIndex: 0, perPage: 2, cancellationToken: TestContext.Current.CancellationToken);

        var request = Sim.Journal.Last;
        Assert.Equal("GET", request.Method);
        Assert.Equal("/chatbots/list", request.Path);
        Assert.Equal("?page=0&per_page=2", request.QueryString);
        Assert.Equal("Bearer " + VertextSimulator.AccessToken, request.Headers["Authorization"]);
        Assert.Empty(request.BodyBytes);
        Assert.Equal(2, page.Value.Count);
        AssertDemo(page.Value[0]);
        AssertSupportBot(page.Value[1]);
    }

    [Fact]
    public async Task The_documents_list_example_parses_verbatim()
    {
        Sim.Faults.On("GET", "/chatbots/list").Once(Fault.Status(200, Fixture("chatbots-list.json")));

        var page = await Client.GetChatbotsPageAsync(0, 2, cancellationToken: TestContext.Current.CancellationToken);

        AssertDemo(page.Value[0]);
        AssertSupportBot(page.Value[1]);
    }

    [Fact]
    public async Task The_documents_chatbot_model_parses_verbatim()
    {
        Sim.Faults.On("GET", "/chatbots/list").Once(Fault.Status(200, "[" + Fixture("chatbot.json") + "]"));

        var page = await Client.GetChatbotsPageAsync(cancellationToken: TestContext.Current.CancellationToken);

        AssertDemo(Assert.Single(page.Value));

        // Nothing given, nothing sent: Vertext's documented defaults (page 0, 100 per page) apply.
        Assert.Equal("", Sim.Journal.Last.QueryString);
    }

    [Fact]
    public async Task Listing_walks_zero_based_page_indexes_until_a_short_page()
    {
        var bots = await Client.ListChatbotsAsync(perPage: 2, cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["Demo", "SupportBot", "Storefront"], bots.Select(b => b.Name));
        Assert.Equal(["?page=0&per_page=2", "?page=1&per_page=2"], Sim.Journal.Requests.Select(r => r.QueryString));
    }

    [Fact]
    public async Task Unknown_fields_and_enum_values_are_kept()
    {
        Sim.Faults.On("GET", "/chatbots/list").Once(Fault.Status(200, """[{"id":"x","name":"n","description":"d","prompt":"p","temperature":1,"created_at":1751661250,"user_id":"u","status":"Paused","model":"gpt-x"}]"""));

        var bot = Assert.Single((await Client.GetChatbotsPageAsync(cancellationToken: TestContext.Current.CancellationToken)).Value);

        Assert.Equal("Paused", bot.Status.Value);
        Assert.NotEqual(VertextChatbotStatus.Active, bot.Status);
        Assert.Equal("gpt-x", bot.AdditionalProperties!["model"].GetString());
    }

    [Theory]
    [InlineData(-1, 10, "pageIndex")]
    [InlineData(0, 0, "perPage")]
    [InlineData(0, -5, "perPage")]
    public async Task Bad_paging_is_refused_before_any_request(int pageIndex, int perPage, string parameter)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Client.GetChatbotsPageAsync(pageIndex, perPage, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(parameter, error.ParamName);
        // The message states the limit: page indexes start at 0, page sizes at 1.
        Assert.Contains(parameter == "pageIndex" ? "between 0 and" : "between 1 and", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Fact]
    public void A_bad_page_size_for_the_stream_is_refused_at_once()
    {
        Assert.Equal("perPage", Assert.Throws<ArgumentOutOfRangeException>(() => Client.ListChatbotsAsync(0, cancellationToken: TestContext.Current.CancellationToken)).ParamName);
        Assert.Equal(0, Sim.Journal.Count);
    }
}
