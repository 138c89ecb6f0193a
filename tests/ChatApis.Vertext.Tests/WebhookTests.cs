using System.Net;
using ChatApis.Testing;
using ChatApis.Testing.Vertext;

namespace ChatApis.Vertext.Tests;

public class WebhookTests : VertextTestBase
{
    private static readonly Uri Target = new("https://hooks.zapier.com/hooks/standard/12345678/45110d9a83444db193a48e561cdf9b40/");

    [Fact]
    public async Task Creating_a_subscription_posts_a_form_body_and_parses_the_201()
    {
        var created = await Client.SubscribeWebhookAsync(VertextSimulator.DemoChatbotId, Target, cancellationToken: TestContext.Current.CancellationToken);

        var request = Sim.Journal.Last;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/chatbots/7a81c98d-12c3-4edf-41ac-df1e6762d677/zapier_subscriptions", request.Path);
        Assert.Equal("", request.QueryString);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Equal("target_url=https%3A%2F%2Fhooks.zapier.com%2Fhooks%2Fstandard%2F12345678%2F45110d9a83444db193a48e561cdf9b40%2F", request.Body);
        Assert.Equal("Bearer " + VertextSimulator.AccessToken, request.Headers["Authorization"]);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.True(Guid.TryParse(created.Value.Id, out _));
        Assert.Equal(Target, created.Value.TargetUrl);
        Assert.Null(created.Value.EventName);
        var raw = Assert.IsType<VertextZapierSubscription>(created.Value.Raw);
        Assert.Equal(created.Value.Id, raw.Id);
        Assert.Equal(VertextSimulator.DemoChatbotId, raw.ChatbotId);
        Assert.Equal(Target.OriginalString, raw.TargetUrl);
        Assert.Null(raw.AdditionalProperties);
        var stored = Assert.Single(Sim.Subscriptions);
        Assert.Equal(created.Value.Id, stored.Id);
        Assert.Equal(Target.OriginalString, stored.TargetUrl);
    }

    [Fact]
    public async Task The_documents_201_example_parses_verbatim()
    {
        Sim.Faults.On("POST", "/chatbots/*").Once(Fault.Status(201, Fixture("subscription-created.json")));

        var created = await Client.SubscribeWebhookAsync(VertextSimulator.DemoChatbotId, Target, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("2e4459a9-bfd2-4e4b-b4ab-c35805cc0e20", created.Value.Id);
        Assert.Equal(new Uri("https://hooks.zapier.com/hooks/standard/12345678/45110d9a83444db193a48e561cdf9b40/"), created.Value.TargetUrl);
        var raw = Assert.IsType<VertextZapierSubscription>(created.Value.Raw);
        Assert.Equal("2e4459a9-bfd2-4e4b-b4ab-c35805cc0e20", raw.Id);
        Assert.Equal("95c1dbaf-e291-43fc-a9b4-c48f1a86afeb", raw.ChatbotId);
        Assert.Equal("https://hooks.zapier.com/hooks/standard/12345678/45110d9a83444db193a48e561cdf9b40/", raw.TargetUrl);
    }

    [Fact]
    public async Task Deleting_a_subscription_answers_204_and_a_second_delete_is_not_found()
    {
        var created = await Client.SubscribeWebhookAsync(VertextSimulator.DemoChatbotId, Target, cancellationToken: TestContext.Current.CancellationToken);

        var deleted = await Client.UnsubscribeWebhookAsync(VertextSimulator.DemoChatbotId, created.Value.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var request = Sim.Journal.Last;
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/chatbots/{VertextSimulator.DemoChatbotId}/zapier_subscriptions/{created.Value.Id}", request.Path);
        Assert.Empty(request.BodyBytes);
        Assert.Empty(Sim.Subscriptions);

        var again = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => Client.UnsubscribeWebhookAsync(VertextSimulator.DemoChatbotId, created.Value.Id, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("Zapier subscription with the given ID not found.", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribing_a_chatbot_that_is_not_the_users_is_not_found()
    {
        await Assert.ThrowsAsync<ChatApiNotFoundException>(() => Client.SubscribeWebhookAsync(VertextSimulator.ForeignChatbotId, Target, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ChatApiNotFoundException>(() => Client.UnsubscribeWebhookAsync(VertextSimulator.ForeignChatbotId, "x", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(Sim.Subscriptions);
    }

    [Theory]
    [InlineData("hooks/relative")]
    [InlineData("ftp://files.example.com/x")]
    public async Task A_target_that_is_not_an_absolute_http_url_is_refused_before_any_request(string target)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Client.SubscribeWebhookAsync("bot", new Uri(target, UriKind.RelativeOrAbsolute), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("targetUrl", error.ParamName);
        Assert.Contains("absolute http(s) URL", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Fact]
    public async Task Missing_arguments_are_refused_before_any_request()
    {
        Assert.Equal("targetUrl", (await Assert.ThrowsAsync<ArgumentNullException>(() => Client.SubscribeWebhookAsync("bot", null!, cancellationToken: TestContext.Current.CancellationToken))).ParamName);
        Assert.Equal("chatbotId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.SubscribeWebhookAsync("", Target, cancellationToken: TestContext.Current.CancellationToken))).ParamName);
        Assert.Equal("subscriptionId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.UnsubscribeWebhookAsync("bot", " ", cancellationToken: TestContext.Current.CancellationToken))).ParamName);
        Assert.Equal("chatbotId", (await Assert.ThrowsAnyAsync<ArgumentException>(() => Client.UnsubscribeWebhookAsync(null!, "id", cancellationToken: TestContext.Current.CancellationToken))).ParamName);
        Assert.Equal(0, Sim.Journal.Count);
    }
}
