using ChatApis.AspNetCore.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChatApis.AspNetCore.Tests;

public sealed class WebhookUrlTokenTests
{
    [Fact]
    public void Generated_tokens_are_43_url_safe_characters_and_differ()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => WebhookUrlToken.Generate()).ToList();

        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t));
        Assert.Equal(50, tokens.Distinct().Count());
    }

    [Theory]
    [InlineData("https://app.example.com/hooks/assistloop", WebhookTokenPlacement.PathSegment, "https://app.example.com/hooks/assistloop/tok_0123456789abcdefghijklmnopqrstuv")]
    [InlineData("https://app.example.com/hooks/assistloop/", WebhookTokenPlacement.PathSegment, "https://app.example.com/hooks/assistloop/tok_0123456789abcdefghijklmnopqrstuv")]
    [InlineData("https://app.example.com/hooks/assistloop?tenant=7", WebhookTokenPlacement.PathSegment, "https://app.example.com/hooks/assistloop/tok_0123456789abcdefghijklmnopqrstuv?tenant=7")]
    [InlineData("https://app.example.com/hooks/chatting", WebhookTokenPlacement.Query, "https://app.example.com/hooks/chatting?token=tok_0123456789abcdefghijklmnopqrstuv")]
    [InlineData("https://app.example.com:8443/hooks/chatting?tenant=7#x", WebhookTokenPlacement.Query, "https://app.example.com:8443/hooks/chatting?tenant=7&token=tok_0123456789abcdefghijklmnopqrstuv")]
    public void The_target_url_carries_the_token_where_the_endpoint_reads_it(string endpoint, WebhookTokenPlacement placement, string expected) =>
        Assert.Equal(expected, WebhookUrlToken.BuildTargetUrl(new Uri(endpoint), InboundApp.Token, placement).AbsoluteUri);

    [Theory]
    [InlineData("short")]
    [InlineData("tok_0123456789abcdefghij/../x")]
    [InlineData("tok_0123456789abcdefghij klmn")]
    [InlineData("tok_0123456789abcdefghij%2Fklmn")]
    [InlineData("")]
    public void A_token_that_is_short_or_not_url_safe_is_refused_without_being_echoed(string token)
    {
        var ex = Assert.Throws<ArgumentException>(() => WebhookUrlToken.BuildTargetUrl(new Uri("https://app.example.com/hooks"), token));

        Assert.Equal("token", ex.ParamName);
        if (token.Length > 0)
        {
            Assert.DoesNotContain(token, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_relative_endpoint_url_is_refused() =>
        Assert.Equal("endpointUrl", Assert.Throws<ArgumentException>(() => WebhookUrlToken.BuildTargetUrl(new Uri("/hooks", UriKind.Relative), InboundApp.Token)).ParamName);

    [Fact]
    public async Task An_endpoint_without_a_token_verifier_or_explicit_opt_out_is_refused_when_mapped()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => InboundApp.StartAsync(_ => { }, app => app.MapChattingTriggers("/hooks/chatting", _ => { })));

        Assert.Contains("/hooks/chatting", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UrlToken", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_configured_token_is_refused_when_mapped()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => InboundApp.StartAsync(_ => { }, app => app.MapAssistLoopWebhooks("/hooks/{token}", o => o.UrlToken = "password")));

        Assert.Equal("UrlToken", ex.ParamName);
        Assert.DoesNotContain("password", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Limits_out_of_range_are_refused_when_mapped()
    {
        var size = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => InboundApp.StartAsync(_ => { }, app => app.MapVertextWebhooks("/v/{token}", o =>
        {
            o.UrlToken = InboundApp.Token;
            o.MaxBodyBytes = 100;
        })));
        var timeout = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => InboundApp.StartAsync(_ => { }, app => app.MapVertextWebhooks("/v/{token}", o =>
        {
            o.UrlToken = InboundApp.Token;
            o.BodyReadTimeout = TimeSpan.FromHours(1);
        })));

        Assert.Equal("MaxBodyBytes", size.ParamName);
        Assert.Equal("BodyReadTimeout", timeout.ParamName);
    }

    [Fact]
    public async Task A_previous_token_is_accepted_during_a_rotation()
    {
        var log = new HandlerLog();
        var old = WebhookUrlToken.Generate();
        await using var app = await InboundApp.StartAsync(
            b => log.Register<VertextWebhookEvent>(b),
            a => a.MapVertextWebhooks("/hooks/vertext/{token}", o =>
            {
                o.UrlToken = InboundApp.Token;
                o.PreviousUrlTokens.Add(old);
            }));

        using var withNew = await app.Http.PostAsync($"hooks/vertext/{InboundApp.Token}", Json("{\"n\":1}"), TestContext.Current.CancellationToken);
        using var withOld = await app.Http.PostAsync($"hooks/vertext/{old}", Json("{\"n\":2}"), TestContext.Current.CancellationToken);
        using var withOther = await app.Http.PostAsync($"hooks/vertext/{WebhookUrlToken.Generate()}", Json("{\"n\":3}"), TestContext.Current.CancellationToken);

        Assert.Equal([200, 200, 401], new[] { (int)withNew.StatusCode, (int)withOld.StatusCode, (int)withOther.StatusCode });
        Assert.Equal([1, 2], log.Succeeded<VertextWebhookEvent>().Select(e => e.Payload.GetProperty("n").GetInt32()).Order());
    }

    [Fact]
    public async Task Mapping_before_registering_the_inbound_services_says_what_to_call()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        await using var app = builder.Build();

        var ex = Assert.Throws<InvalidOperationException>(() => app.MapAssistLoopWebhooks("/hooks/{token}", o => o.UrlToken = InboundApp.Token));

        Assert.Contains("AddChatApisInboundEvents", ex.Message, StringComparison.Ordinal);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
