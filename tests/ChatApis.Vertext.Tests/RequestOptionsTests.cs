using ChatApis.Http;
using ChatApis.Testing;
using ChatApis.Testing.Vertext;

namespace ChatApis.Vertext.Tests;

public class RequestOptionsTests : VertextTestBase
{
    private static readonly Uri Target = new("https://hooks.zapier.com/hooks/standard/1/options/");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Methods() => ["GetChatbotsPage", "GetContactsPage", "SubscribeWebhook", "UnsubscribeWebhook", "ListChatbots", "ListContacts"];

    private Task Call(string method, RequestOptions options) => method switch
    {
        "GetChatbotsPage" => Client.GetChatbotsPageAsync(options: options, cancellationToken: Ct),
        "GetContactsPage" => Client.GetContactsPageAsync(VertextSimulator.ContactsChatbotId, options: options, cancellationToken: Ct),
        "SubscribeWebhook" => Client.SubscribeWebhookAsync(VertextSimulator.DemoChatbotId, Target, options, Ct),
        "UnsubscribeWebhook" => Client.UnsubscribeWebhookAsync(VertextSimulator.DemoChatbotId, "sub", options, Ct),
        "ListChatbots" => Client.ListChatbotsAsync(options: options, cancellationToken: Ct).ToListAsync(Ct).AsTask(),
        "ListContacts" => Client.ListContactsAsync(VertextSimulator.ContactsChatbotId, options: options, cancellationToken: Ct).ToListAsync(Ct).AsTask(),
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task An_idempotency_key_is_refused_naming_options_because_Vertext_takes_none(string method)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => Call(method, new RequestOptions { IdempotencyKey = "key-1" }));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("does not take an idempotency key", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Sim.Journal.Count);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Extra_headers_go_out_on_every_call(string method)
    {
        if (method == "UnsubscribeWebhook")
        {
            Sim.Faults.On("DELETE", "/chatbots/*").Once(Fault.Status(204, ""));
        }

        await Call(method, new RequestOptions().AddHeader("X-Correlation-Id", "corr-42"));

        Assert.NotEqual(0, Sim.Journal.Count);
        Assert.All(Sim.Journal.Requests, r => Assert.Equal("corr-42", r.Headers["X-Correlation-Id"]));
    }

    [Fact]
    public async Task A_per_call_timeout_ends_a_call_the_server_never_answers()
    {
        Sim.Faults.On("GET", "/chatbots/list").Always(Fault.Hang());
        var options = new RequestOptions { Timeout = TimeSpan.FromMilliseconds(200) };

        // The client's own total timeout is 100 s: only the per-call one can end this call in bounded time.
        var error = await Assert.ThrowsAsync<ChatApiTransportException>(() => Client.GetChatbotsPageAsync(options: options, cancellationToken: Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct));

        Assert.True(error.IsTimeout);
        Assert.Contains("total 00:00:00.2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_request_names_the_package_and_runtime_in_its_user_agent()
    {
        await Client.GetChatbotsPageAsync(cancellationToken: Ct);
        using var extended = new VertextClient(new VertextClientOptions { AccessToken = VertextSimulator.AccessToken, BaseAddress = Sim.BaseAddress, UserAgent = "ContactExport/2.0" });
        await extended.GetChatbotsPageAsync(cancellationToken: Ct);

        Assert.Equal($"ChatApis.Vertext/0.1.0 (.NET {Environment.Version})", Sim.Journal.Requests[0].Headers["User-Agent"]);
        Assert.Equal($"ChatApis.Vertext/0.1.0 (.NET {Environment.Version}) ContactExport/2.0", Sim.Journal.Requests[1].Headers["User-Agent"]);
        Assert.Equal(VertextVendor.Instance.UserAgent, Sim.Journal.Requests[0].Headers["User-Agent"]);
    }
}
