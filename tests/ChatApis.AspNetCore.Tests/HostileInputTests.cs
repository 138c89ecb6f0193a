using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ChatApis.AspNetCore.Tests.Support;
using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Testing;
using Microsoft.AspNetCore.Builder;

namespace ChatApis.AspNetCore.Tests;

/// <summary>Deliveries that must never reach a handler: each gets its status, a problem+json body and one log line without secrets.</summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private const string PayloadSecret = "card-4242-secret-in-payload";
    private readonly ManualTimeProvider _appClock = new();
    private readonly HandlerLog _log = new();
    private InboundApp _app = null!;

    public async ValueTask InitializeAsync() =>
        _app = await InboundApp.StartAsync(
            b =>
            {
                _log.Register<AssistLoopWebhookEvent>(b);
                _log.Register<ChattingTrigger>(b);
            },
            app =>
            {
                app.MapAssistLoopWebhooks("/hooks/assistloop/{token}", o => o.UrlToken = InboundApp.Token);
                app.MapChattingTriggers("/hooks/chatting", o => o.UrlToken = InboundApp.Token);
            },
            _appClock);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string AssistLoopPath(string token = InboundApp.Token) => $"hooks/assistloop/{token}";

    private static string ValidEvent => AssistLoopWebhookTests.Payload("evt_hostile", "new_conversation");

    [Theory]
    [InlineData("hooks/assistloop/tok_0123456789abcdefghijklmnopqrstuX")]
    [InlineData("hooks/assistloop/tok_0123456789abcdefghijklmnopqrstu")]
    [InlineData("hooks/assistloop/x")]
    [InlineData("hooks/chatting")]
    [InlineData("hooks/chatting?token=")]
    [InlineData("hooks/chatting?token=tok_0123456789abcdefghijklmnopqrstuX")]
    [InlineData("hooks/chatting?token=tok_0123456789abcdefghijklmnopqrstuv&token=tok_0123456789abcdefghijklmnopqrstuv")]
    [InlineData("hooks/chatting?TOKEN=TOK_0123456789ABCDEFGHIJKLMNOPQRSTUV")]
    public async Task A_missing_or_wrong_url_token_gets_401_and_never_reaches_a_handler(string path)
    {
        var body = path.StartsWith("hooks/chatting", StringComparison.Ordinal)
            ? """{"event":"contact.created","timestamp":"2026-04-08T01:30:00.000Z","data":{"email":"a@example.com"}}"""
            : ValidEvent;

        using var response = await PostAsync(path, body);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "invalid-url-token");
        Assert.Equal(0, _log.AttemptCount);
        var line = Assert.Single(OurLogLines());
        Assert.Contains("401 invalid-url-token", line, StringComparison.Ordinal);
        Assert.DoesNotContain("tok_", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_token_in_the_query_is_accepted()
    {
        using var response = await PostAsync(
            $"hooks/chatting?token={InboundApp.Token}",
            """{"event":"contact.created","timestamp":"2026-04-08T01:30:00.000Z","data":{"email":"a@example.com"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a@example.com", Assert.IsType<ContactCreatedTrigger>(Assert.Single(_log.Succeeded<ChattingTrigger>())).Email);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task A_body_that_is_not_json_by_its_content_type_gets_415(string? contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ValidEvent));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await _app.Http.PostAsync(AssistLoopPath(), content, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-content-type");
        Assert.Equal(0, _log.AttemptCount);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/cloudevents+json")]
    public async Task Json_content_types_are_accepted(string contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(ValidEvent));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await _app.Http.PostAsync(AssistLoopPath(), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _log.SucceededCount);
    }

    [Fact]
    public async Task A_body_over_the_cap_gets_413_by_its_length()
    {
        var body = ValidEvent[..^1] + ",\"padding\":\"" + new string('x', WebhookEndpointOptions.DefaultMaxBodyBytes) + "\"}";

        using var response = await PostAsync(AssistLoopPath(), body);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(0, _log.AttemptCount);
    }

    [Fact]
    public async Task A_chunked_body_over_the_cap_gets_413_while_it_is_read()
    {
        var bytes = Encoding.UTF8.GetBytes(ValidEvent[..^1] + ",\"padding\":\"" + new string('x', WebhookEndpointOptions.DefaultMaxBodyBytes) + "\"}");
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, AssistLoopPath()) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _app.Http.SendAsync(request, TestContext.Current.CancellationToken);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "body-too-large");
        Assert.Equal(0, _log.AttemptCount);
    }

    [Theory]
    [InlineData("{\"id\":\"evt_1\",\"event\":\"new_conversation\",\"secret\":\"" + PayloadSecret + "\"")]
    [InlineData("not json " + PayloadSecret)]
    [InlineData("[\"" + PayloadSecret + "\"]")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("{\"id\":\"evt_2\",\"event\":\"\",\"data\":{\"note\":\"" + PayloadSecret + "\"}}")]
    [InlineData("{\"id\":\"evt_3\",\"event\":\"   \",\"data\":{}}")]
    [InlineData("{\"id\":\"evt_4\",\"data\":{\"note\":\"" + PayloadSecret + "\"}}")]
    [InlineData("{\"id\":\"evt_5\",\"event\":\"new_conversation\",\"timestamp\":\"" + PayloadSecret + "\",\"data\":{}}")]
    [InlineData("{\"id\":\"evt_6\",\"event\":\"new_conversation\",\"data\":{}} {\"trailing\":1}")]
    public async Task An_invalid_assistloop_payload_gets_400_problem_json_and_a_log_line_without_the_payload(string body)
    {
        using var response = await PostAsync(AssistLoopPath(), body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid-payload");
        Assert.DoesNotContain(PayloadSecret, problem, StringComparison.Ordinal);
        Assert.Equal(0, _log.AttemptCount);
        var line = Assert.Single(OurLogLines());
        Assert.StartsWith("Rejected a delivery from assistloop at /hooks/assistloop/{token}: 400 invalid-payload", line, StringComparison.Ordinal);
        Assert.DoesNotContain(PayloadSecret, _app.Logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"event\":\"\",\"timestamp\":\"2026-04-08T01:30:00.000Z\",\"data\":{}}")]
    [InlineData("{\"timestamp\":\"2026-04-08T01:30:00.000Z\",\"data\":{\"email\":\"" + PayloadSecret + "\"}}")]
    [InlineData("{\"event\":\"contact.created\",\"timestamp\":\"" + PayloadSecret + "\"}")]
    [InlineData("{\"event\":\"contact.created\",\"data\":{\"email\":[\"" + PayloadSecret + "\"]}}")]
    public async Task An_invalid_chatting_payload_gets_400(string body)
    {
        using var response = await PostAsync($"hooks/chatting?token={InboundApp.Token}", body);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "invalid-payload");
        Assert.DoesNotContain(PayloadSecret, problem, StringComparison.Ordinal);
        Assert.Equal(0, _log.AttemptCount);
        Assert.DoesNotContain(PayloadSecret, _app.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_trickles_in_times_out_with_408_on_the_app_clock()
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(_app.BaseAddress.Host, _app.BaseAddress.Port, TestContext.Current.CancellationToken);
        var stream = socket.GetStream();
        var head = $"POST /{AssistLoopPath()} HTTP/1.1\r\nHost: {_app.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{{\"id\":\"evt_slow\"";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Current.CancellationToken);

        // The endpoint is now waiting for the rest of the body, under a deadline on the app's clock.
        await Bounded.UntilAsync(() => _appClock.PendingTimerCount == 1, "the body deadline");
        _appClock.Advance(TimeSpan.FromSeconds(10));

        var answer = await Bounded.Within(ReadResponseHeadAsync(stream));
        Assert.StartsWith("HTTP/1.1 408 Request Timeout", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, _log.AttemptCount);
        Assert.Contains("408 body-timeout", Assert.Single(OurLogLines()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Just_under_the_deadline_the_body_is_still_awaited()
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(_app.BaseAddress.Host, _app.BaseAddress.Port, TestContext.Current.CancellationToken);
        var stream = socket.GetStream();
        var body = Encoding.UTF8.GetBytes(ValidEvent);
        var head = $"POST /{AssistLoopPath()} HTTP/1.1\r\nHost: {_app.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Current.CancellationToken);
        await stream.WriteAsync(body.AsMemory(0, 10), TestContext.Current.CancellationToken);
        await Bounded.UntilAsync(() => _appClock.PendingTimerCount == 1, "the body deadline");

        _appClock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        await stream.WriteAsync(body.AsMemory(10), TestContext.Current.CancellationToken);

        var answer = await Bounded.Within(ReadResponseHeadAsync(stream));
        Assert.StartsWith("HTTP/1.1 200 OK", answer, StringComparison.Ordinal);
        Assert.Equal(1, _log.SucceededCount);
    }

    [Fact]
    public async Task A_handler_failure_answers_500_without_the_exception_text()
    {
        _log.FailNext(1);

        using var response = await PostAsync(AssistLoopPath(), ValidEvent);

        var problem = await AssertProblemAsync(response, HttpStatusCode.InternalServerError, "handler-failed");
        Assert.DoesNotContain("on purpose", problem, StringComparison.Ordinal);
        using var retried = await PostAsync(AssistLoopPath(), ValidEvent);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, _log.SucceededCount);
    }

    [Fact]
    public async Task Nothing_the_endpoint_logs_holds_the_token_or_the_payload()
    {
        using var ok = await PostAsync(AssistLoopPath(), AssistLoopWebhookTests.Payload("evt_log", "new_conversation", ",\"note\":\"" + PayloadSecret + "\""));
        using var bad = await PostAsync(AssistLoopPath(), "{\"event\":\"\",\"note\":\"" + PayloadSecret + "\"}");
        using var wrong = await PostAsync(AssistLoopPath("tok_wrong_0123456789abcdefghijkl"), ValidEvent);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized], new[] { ok.StatusCode, bad.StatusCode, wrong.StatusCode });
        var ours = OurLogLines();
        Assert.Equal(3, ours.Count);
        Assert.All(ours, line => Assert.DoesNotContain(InboundApp.Token, line, StringComparison.Ordinal));
        Assert.All(ours, line => Assert.DoesNotContain("tok_wrong", line, StringComparison.Ordinal));
        Assert.All(ours, line => Assert.DoesNotContain(PayloadSecret, line, StringComparison.Ordinal));
    }

    private IReadOnlyList<string> OurLogLines() => _app.Logs.From("ChatApis.AspNetCore");

    private Task<HttpResponseMessage> PostAsync(string path, string body) =>
        _app.Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(text);
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
        Assert.Equal("about:blank", json.RootElement.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("detail").GetString()));
        return text;
    }

    private static async Task<string> ReadResponseHeadAsync(NetworkStream stream)
    {
        var buffer = new byte[4096];
        var text = new StringBuilder();
        while (!text.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}
