using System.Net;
using System.Text;
using ChatApis.AspNetCore.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace ChatApis.AspNetCore.Tests;

/// <summary>Vertext documents no payloads: any JSON reaches the raw-JSON handler, once.</summary>
public sealed class VertextWebhookTests : IAsyncLifetime
{
    private readonly HandlerLog _log = new();
    private InboundApp _app = null!;

    public async ValueTask InitializeAsync() =>
        _app = await InboundApp.StartAsync(b => _log.Register<VertextWebhookEvent>(b), app => app.MapVertextWebhooks("/hooks/vertext/{token}", o => o.UrlToken = InboundApp.Token));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Any_json_delivery_reaches_the_handler_whole_and_once()
    {
        const string body = """{"type":"contact.created","contact":{"id":42,"name":"Ada","meta_psid":null},"unknown":[1,2]}""";

        using var first = await PostAsync(body);
        using var repeat = await PostAsync(body);
        using var other = await PostAsync("[1,2,3]");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { first.StatusCode, repeat.StatusCode, other.StatusCode });
        var events = _log.Succeeded<VertextWebhookEvent>();
        Assert.Equal(2, events.Count);
        Assert.Equal(body, events[0].RawJson);
        Assert.Equal(42, events[0].Payload.GetProperty("contact").GetProperty("id").GetInt32());
        Assert.Equal("contact.created", events[0].EventName);
        Assert.Equal("contact.created", _log.Calls[0].Context.EventName);
        Assert.Null(events[1].EventName);
        Assert.Equal("delivery", _log.Calls[1].Context.EventName);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, events[1].Payload.ValueKind);
        Assert.All(_log.Calls, c => Assert.StartsWith("vertext:sha256:", c.Context.DeliveryKey, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{} {}")]
    [InlineData("contact=42")]
    public async Task A_body_that_is_not_json_gets_400(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, _log.AttemptCount);
    }

    private Task<HttpResponseMessage> PostAsync(string body) =>
        _app.Http.PostAsync($"hooks/vertext/{InboundApp.Token}", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}
