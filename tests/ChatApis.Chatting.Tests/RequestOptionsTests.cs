using System.Net;
using ChatApis.Chatting.Tests.Support;
using ChatApis.Http;
using ChatApis.Testing;
using ChatApis.Testing.Chatting;

namespace ChatApis.Chatting.Tests;

public sealed class RequestOptionsTests : ChattingTestBase
{
    private static readonly Uri Hook = new("https://hooks.zapier.com/hooks/catch/123/abc");

    public static TheoryData<string> KeylessMethods() => ["GetMe", "SubscribeWebhook", "UnsubscribeWebhook", "GetRecentConversationTriggers", "GetRecentContactTriggers"];

    public static TheoryData<string, string> Actions() => new()
    {
        { "CreateContact", "/api/zapier/contacts" },
        { "AddContactTag", $"/api/zapier/contacts/{ChattingSimulator.SeededContactId}/tags" },
        { "SendMessage", $"/api/zapier/conversations/{ChattingSimulator.SeededConversationId}/messages" },
    };

    private Task<ApiResponse> Call(string method, RequestOptions options, ChattingClient? client = null)
    {
        client ??= Client;
        return method switch
        {
            "GetMe" => Box(client.GetMeAsync(options, Ct)),
            "SubscribeWebhook" => Box(client.SubscribeWebhookAsync(ChattingEvent.TagAdded, Hook, options, Ct)),
            "UnsubscribeWebhook" => client.UnsubscribeWebhookAsync("wh_1", options, Ct),
            "GetRecentConversationTriggers" => Box(client.GetRecentConversationTriggersAsync(options: options, cancellationToken: Ct)),
            "GetRecentContactTriggers" => Box(client.GetRecentContactTriggersAsync(options: options, cancellationToken: Ct)),
            "CreateContact" => Box(client.CreateContactAsync(new ChattingNewContact("options@example.com"), options, Ct)),
            "AddContactTag" => Box(client.AddContactTagAsync(ChattingSimulator.SeededContactId, "vip", options, Ct)),
            "SendMessage" => Box(client.SendMessageAsync(ChattingSimulator.SeededConversationId, "Hello", options: options, cancellationToken: Ct)),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    private static async Task<ApiResponse> Box<T>(Task<ApiResponse<T>> call) => await call;

    [Theory]
    [MemberData(nameof(KeylessMethods))]
    public async Task An_idempotency_key_is_refused_naming_options_where_Chatting_takes_none(string method)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Call(method, new RequestOptions { IdempotencyKey = "key-1" }));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("does not take an idempotency key", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task A_caller_key_is_sent_as_Idempotency_Key_and_reused_by_the_retry(string method, string path)
    {
        Sim.Faults.On("POST", path).Once(Fault.DropResponseAfterProcessing());
        var key = "caller-key-" + method;

        var response = await Call(method, new RequestOptions { IdempotencyKey = key });

        var attempts = Sim.Journal.Where("POST", path);
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.Equal(key, a.Headers["Idempotency-Key"]));
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        Assert.Equal(key, response.IdempotencyKey);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(1, Sim.IdempotentReplays);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Without_a_caller_key_each_action_gets_one_and_the_retry_reuses_it(string method, string path)
    {
        Sim.Faults.On("POST", path).Once(Fault.DropResponseAfterProcessing());

        var response = await Call(method, new RequestOptions());

        var attempts = Sim.Journal.Where("POST", path);
        Assert.Equal(2, attempts.Count);
        var key = attempts[0].Headers["Idempotency-Key"];
        Assert.True(Guid.TryParseExact(key, "N", out _), key);
        Assert.Equal(key, attempts[1].Headers["Idempotency-Key"]);
        Assert.Equal(key, response.IdempotencyKey);
        Assert.Equal(1, Sim.IdempotentReplays);
    }

    [Theory]
    [MemberData(nameof(KeylessMethods))]
    [InlineData("CreateContact")]
    [InlineData("AddContactTag")]
    [InlineData("SendMessage")]
    public async Task Extra_headers_go_out_with_the_call(string method)
    {
        if (method == "UnsubscribeWebhook")
        {
            await Client.SubscribeWebhookAsync(ChattingEvent.TagAdded, Hook, cancellationToken: Ct);
            Sim.Journal.Clear();
        }

        var options = new RequestOptions().AddHeader("X-Correlation-Id", "corr-42");
        await (method == "UnsubscribeWebhook" ? Client.UnsubscribeWebhookAsync("wh_123", options, Ct) : Call(method, options));

        var request = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("corr-42", request.Headers["X-Correlation-Id"]);
        Assert.Equal(ChattingSimulator.ApiKey, request.Headers["X-API-Key"]);
    }

    [Fact]
    public async Task Extra_headers_are_sent_again_by_a_retry()
    {
        Sim.Faults.On("POST", "/api/zapier/contacts").Once(Fault.DropResponseAfterProcessing());

        await Client.CreateContactAsync(new ChattingNewContact("retry@example.com"), new RequestOptions().AddHeader("X-Correlation-Id", "corr-7"), Ct);

        var attempts = Sim.Journal.Where("POST", "/api/zapier/contacts");
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, a => Assert.Equal("corr-7", a.Headers["X-Correlation-Id"]));
    }

    [Fact]
    public async Task A_per_call_timeout_ends_a_call_the_server_never_answers()
    {
        // The client's own total timeout is 60 s and each attempt's 10 s (timers the test clock never runs by
        // itself); the call's 1 s timeout is short enough for the clock to run: only it can end this call.
        Sim.Faults.On("GET", "/api/zapier/me").Always(Fault.Hang());

        var error = await Assert.ThrowsAsync<ChatApiTransportException>(() => Client.GetMeAsync(new RequestOptions { Timeout = TimeSpan.FromSeconds(1) }, Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct));

        Assert.True(error.IsTimeout);
        Assert.Contains("total 00:00:01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_names_the_package_and_runtime_in_its_user_agent()
    {
        var options = Options();
        options.UserAgent = "LeadCapture/1.0";
        var extended = Own(new ChattingClient(options, ClientClock));

        await Client.GetMeAsync(cancellationToken: Ct);
        await extended.GetMeAsync(cancellationToken: Ct);

        Assert.Equal($"ChatApis.Chatting/0.1.0 (.NET {Environment.Version})", Sim.Journal.Requests[0].Headers["User-Agent"]);
        Assert.Equal($"ChatApis.Chatting/0.1.0 (.NET {Environment.Version}) LeadCapture/1.0", Sim.Journal.Requests[1].Headers["User-Agent"]);
        Assert.Equal(ChattingVendor.Instance.UserAgent, Sim.Journal.Requests[0].Headers["User-Agent"]);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetMeAsync(cancellationToken: Ct)).StatusCode);
    }
}
