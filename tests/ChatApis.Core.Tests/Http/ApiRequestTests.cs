using System.Text;
using ChatApis.Core.Tests.Support;
using ChatApis.Http;

namespace ChatApis.Core.Tests.Http;

public class ApiRequestTests
{
    private static readonly Uri Base = new("https://api.example.com/api/v1/");

    [Fact]
    public void Named_placeholders_are_filled_in_order_and_each_value_escaped_as_one_segment()
    {
        var request = new ApiRequest(HttpMethod.Get, "chats/{chat_id}/conversations/{id}", "a b;c", "ü?#");
        Assert.Equal("https://api.example.com/api/v1/chats/a%20b%3Bc/conversations/%C3%BC%3F%23", request.BuildUri(Base).AbsoluteUri);
        Assert.Equal("chats/a%20b%3Bc/conversations/%C3%BC%3F%23", request.Path);

        // What messages, logs and the url.template tag show: the documented names, never the values.
        Assert.Equal("chats/{chat_id}/conversations/{id}", request.PathTemplate);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("/")]
    [InlineData("a\\b")]
    [InlineData("%2e%2e")]
    [InlineData("%2E.")]
    [InlineData(".%2e")]
    [InlineData("%2e")]
    [InlineData("%2f")]
    [InlineData("a%2Fb")]
    [InlineData("%5C")]
    [InlineData("%252e%252e")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\r\nX-Injected: yes")]
    [InlineData("a\u0000b")]
    [InlineData("%0d%0a")]
    public void A_value_that_is_not_exactly_one_segment_is_refused_as_a_last_line_of_defence(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Post, "automation/conversations/{conversationUuid}/reply", value));

        Assert.Equal("pathValues", error.ParamName);
        Assert.Contains("{conversationUuid}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_100_kb_path_value_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "things/{id}", new string('a', 100 * 1024)));

        Assert.Equal("pathValues", error.ParamName);
        Assert.Contains("at most 1024 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_that_merely_contain_dots_or_percent_signs_are_one_segment_and_allowed()
    {
        var request = new ApiRequest(HttpMethod.Get, "files/{name}/{version}", "report.v2...final", "50%off");

        Assert.Equal("files/report.v2...final/50%25off", request.Path);
    }

    [Fact]
    public void Placeholders_and_values_must_match_one_for_one()
    {
        Assert.Equal("pathValues", Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "a/{x}/b/{y}", "1")).ParamName);
        Assert.Equal("pathValues", Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "a/{x}", "1", "2")).ParamName);
        Assert.Equal("pathValues", Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "a", "1")).ParamName);
        Assert.Equal("a", new ApiRequest(HttpMethod.Get, "a").Path);
    }

    [Theory]
    [InlineData("session=abc\r\nX-Injected: yes")]
    [InlineData("session=abc\nX-Injected: yes")]
    [InlineData("session=abc\rX-Injected: yes")]
    [InlineData("session=abc\u0000")]
    [InlineData("session=abc\u0007")]
    [InlineData("session=\u00E9")]
    public void A_header_value_with_a_line_break_or_control_character_is_refused(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Post, "oauth/authorize").AddHeader("Cookie", value));

        Assert.Equal("value", error.ParamName);
        Assert.Contains("Cookie", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_value_over_8_kb_and_a_header_name_that_is_not_a_token_are_refused()
    {
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "x").AddHeader("Cookie", new string('a', 100 * 1024))).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "x").AddHeader("X-Bad\r\nX-Injected", "v")).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "x").AddHeader("X Bad", "v")).ParamName);
        Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Post, "x").WithIdempotencyKey("Idempotency-Key", "k\r\nX-Injected: yes"));
    }

    [Fact]
    public void A_safe_header_value_with_spaces_and_tabs_is_sent_exactly()
    {
        var request = new ApiRequest(HttpMethod.Post, "oauth/authorize").AddHeader("Cookie", "session=abc; theme=dark\tmode");
        using var message = request.CreateMessage(request.BuildUri(Base));

        Assert.Equal("session=abc; theme=dark\tmode", Assert.Single(message.Headers.GetValues("Cookie")));
    }

    [Fact]
    public void A_template_starting_with_a_slash_resolves_against_the_host_root() =>
        Assert.Equal("https://api.example.com/oauth/token", new ApiRequest(HttpMethod.Post, "/oauth/token").BuildUri(Base).AbsoluteUri);

    [Fact]
    public void Query_values_are_formatted_and_nulls_skipped()
    {
        var request = new ApiRequest(HttpMethod.Get, "items")
            .AddQuery("status", true, "1", "0")
            .AddQuery("closed", (bool?)null)
            .AddQuery("per_page", 20)
            .AddQuery("since", new DateTimeOffset(2025, 1, 20, 17, 0, 0, TimeSpan.FromHours(1)))
            .AddQuery("precise", new DateTimeOffset(2025, 1, 20, 16, 0, 15, 123, TimeSpan.Zero))
            .AddQuery("q", "a b&c=d")
            .AddQuery("none", (string?)null);

        Assert.Equal(
            "https://api.example.com/api/v1/items?status=1&per_page=20&since=2025-01-20T16%3A00%3A00Z&precise=2025-01-20T16%3A00%3A15.123Z&q=a%20b%26c%3Dd",
            request.BuildUri(Base).AbsoluteUri);
    }

    [Fact]
    public async Task A_json_body_is_serialized_once_and_sent_identically_on_every_attempt()
    {
        var request = new ApiRequest(HttpMethod.Post, "things").WithJsonBody(new NewThing { Name = "é" }, TestJsonContext.Default.NewThing);
        using var first = request.CreateMessage(request.BuildUri(Base));
        using var second = request.CreateMessage(request.BuildUri(Base));

        Assert.NotSame(first, second);
        Assert.Equal("""{"name":"\u00E9"}""", await first.Content!.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await second.Content!.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("application/json; charset=utf-8", first.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task A_form_body_is_url_encoded()
    {
        var request = new ApiRequest(HttpMethod.Post, "subs").WithFormBody([new("target_url", "https://hooks.zapier.com/a b?x=1&y=2")]);
        using var message = request.CreateMessage(request.BuildUri(Base));

        Assert.Equal("target_url=https%3A%2F%2Fhooks.zapier.com%2Fa+b%3Fx%3D1%26y%3D2", Encoding.UTF8.GetString(await message.Content!.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        Assert.Equal("application/x-www-form-urlencoded", message.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public void Idempotent_methods_and_keyed_requests_are_retry_safe()
    {
        Assert.True(new ApiRequest(HttpMethod.Get, "x").IsRetrySafe);
        Assert.True(new ApiRequest(HttpMethod.Delete, "x").IsRetrySafe);
        Assert.True(new ApiRequest(HttpMethod.Put, "x").IsRetrySafe);
        Assert.False(new ApiRequest(HttpMethod.Post, "x").IsRetrySafe);
        Assert.False(new ApiRequest(HttpMethod.Patch, "x").IsRetrySafe);
        Assert.True(new ApiRequest(HttpMethod.Patch, "x").MarkIdempotent().IsRetrySafe);

        var keyed = new ApiRequest(HttpMethod.Post, "x").WithIdempotencyKey("Idempotency-Key", "k1");
        Assert.True(keyed.IsRetrySafe);
        Assert.Equal("k1", keyed.IdempotencyKey);
        using var message = keyed.CreateMessage(keyed.BuildUri(Base));
        Assert.Equal("k1", Assert.Single(message.Headers.GetValues("Idempotency-Key")));
    }

    [Fact]
    public void Bad_declarations_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new ApiRequest(HttpMethod.Get, "a/{id}", [null!]));
        Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Post, "x").WithIdempotencyKey("Idempotency-Key", " "));
        Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "x").AddQuery("", "v"));
    }
}
