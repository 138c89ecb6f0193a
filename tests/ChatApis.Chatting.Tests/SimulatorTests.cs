using System.Net;
using System.Text;
using ChatApis.Chatting.Tests.Support;
using ChatApis.Testing.Chatting;

namespace ChatApis.Chatting.Tests;

/// <summary>What the simulator does with requests the client never sends (the client rejects them first).</summary>
public sealed class SimulatorTests : ChattingTestBase
{
    [Fact]
    public async Task No_key_is_api_key_missing_and_an_unknown_key_is_api_key_invalid()
    {
        var none = await CreateRawHttp(apiKey: null).GetAsync("me", Ct);
        var wrong = await CreateRawHttp("chatting_live_unknown").GetAsync("me", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        AssertJsonEqual(Fixture("error-api-key-missing.json"), await none.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("""{"ok":false,"error":"api-key-invalid"}""", await wrong.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_header_name_is_case_insensitive()
    {
        using var http = new HttpClient { BaseAddress = ApiBase };
        http.DefaultRequestHeaders.Add("x-api-key", ChattingSimulator.ApiKey);

        var response = await http.GetAsync("me", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertJsonEqual(Fixture("me-response.json"), await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("contacts", "{}", "missing-email")]
    [InlineData("contacts", """{"email":"  "}""", "missing-email")]
    [InlineData("contacts", "not json", "missing-email")]
    [InlineData("contacts/contact_123/tags", "{}", "missing-tag")]
    [InlineData("contacts/contact_123/tags", """{"tag":""}""", "missing-tag")]
    [InlineData("conversations/conv_123/messages", """{"sender":"system"}""", "missing-message")]
    [InlineData("webhooks/subscribe", """{"event":"conversation.created","target_url":"hooks/relative"}""", "invalid-subscription")]
    [InlineData("webhooks/subscribe", """{"event":"visitor.left","target_url":"https://example.com/h"}""", "invalid-subscription")]
    [InlineData("webhooks/subscribe", """{"target_url":"https://example.com/h"}""", "invalid-subscription")]
    public async Task Missing_fields_are_400_with_their_code(string path, string body, string code)
    {
        var response = await CreateRawHttp().PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($$"""{"ok":false,"error":"{{code}}"}""", await response.Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("?limit=7", 7)]
    [InlineData("?limit=0", 1)]
    [InlineData("?limit=-5", 1)]
    [InlineData("?limit=51", 50)]
    [InlineData("?limit=abc", 10)]
    public async Task Sample_limits_default_to_10_and_are_clamped_to_1_through_50(string query, int expectedCount)
    {
        for (var i = 0; i < 52; i++)
        {
            Sim.TagConversation(ChattingSimulator.SeededConversationId, $"tag-{i}");
        }

        var response = await CreateRawHttp().GetAsync("conversations" + query + (query.Length == 0 ? "?" : "&") + "event=tag.added", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var samples = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(expectedCount, samples.RootElement.GetArrayLength());
        Assert.Equal("tag-51", samples.RootElement[0].GetProperty("data").GetProperty("tag").GetString());
    }

    [Fact]
    public async Task X_Idempotency_Key_is_honoured_like_Idempotency_Key()
    {
        var http = CreateRawHttp();
        using var first = Request("""{"email":"x@example.com"}""");
        using var again = Request("""{"email":"x@example.com"}""");
        using var other = Request("""{"email":"y@example.com"}""");

        var a = await http.SendAsync(first, Ct);
        var b = await http.SendAsync(again, Ct);
        var c = await http.SendAsync(other, Ct);

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.Equal(await a.Content.ReadAsStringAsync(Ct), await b.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Conflict, c.StatusCode);
        Assert.Equal("""{"ok":false,"error":"idempotency-key-conflict"}""", await c.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, Sim.ContactWrites);

        static HttpRequestMessage Request(string body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "contacts") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Idempotency-Key", "legacy-key-1");
            return request;
        }
    }

    [Fact]
    public async Task A_failed_answer_is_not_stored_so_the_same_key_can_succeed_later()
    {
        Sim.FailNextContactCreate("contact-save-failed");
        var http = CreateRawHttp();

        var failed = await http.SendAsync(Request(), Ct);
        var succeeded = await http.SendAsync(Request(), Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, succeeded.StatusCode);
        Assert.Equal(0, Sim.IdempotentReplays);

        static HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "contacts") { Content = new StringContent("""{"email":"z@example.com"}""", Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", "k-1");
            return request;
        }
    }

    [Theory]
    [InlineData("webhooks/subscribe", "subscribe-request.json", "subscribe-response.json", HttpStatusCode.Created)]
    [InlineData("contacts", "create-contact-request.json", "create-contact-response.json", HttpStatusCode.Created)]
    [InlineData("contacts/contact_123/tags", "add-tag-request.json", "add-tag-response.json", HttpStatusCode.OK)]
    [InlineData("conversations/conv_123/messages", "send-message-request.json", "send-message-response.json", HttpStatusCode.Created)]
    public async Task The_documented_requests_get_the_documented_answers(string path, string requestFixture, string responseFixture, HttpStatusCode status)
    {
        var response = await CreateRawHttp().PostAsync(path, new StringContent(Fixture(requestFixture), Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(status, response.StatusCode);
        AssertJsonEqual(Fixture(responseFixture), await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_documented_unsubscribe_gets_the_documented_answer()
    {
        var http = CreateRawHttp();
        await http.PostAsync("webhooks/subscribe", new StringContent(Fixture("subscribe-request.json"), Encoding.UTF8, "application/json"), Ct);

        var response = await http.DeleteAsync("webhooks/wh_123", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertJsonEqual(Fixture("unsubscribe-response.json"), await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Samples_are_bare_arrays_of_the_documented_payloads()
    {
        var http = CreateRawHttp();

        foreach (var (path, fixture) in new[]
        {
            ("conversations?limit=1", "trigger-conversation-created.json"),
            ("conversations?limit=1&event=conversation.resolved", "trigger-conversation-resolved.json"),
            ("conversations?limit=1&event=tag.added", "trigger-tag-added.json"),
            ("contacts?limit=1", "trigger-contact-created.json"),
        })
        {
            var body = await http.GetStringAsync(path, Ct);
            AssertJsonEqual("[" + Fixture(fixture) + "]", body);
        }
    }

    [Fact]
    public void Only_the_documented_contact_failures_can_be_injected()
    {
        var error = Assert.Throws<ArgumentException>(() => Sim.FailNextContactCreate("not-found"));

        Assert.Equal("errorCode", error.ParamName);
    }
}
