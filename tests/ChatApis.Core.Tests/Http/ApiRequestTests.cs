using System.Text;
using ChatApis.Core.Tests.Support;
using ChatApis.Http;

namespace ChatApis.Core.Tests.Http;

public class ApiRequestTests
{
    private static readonly Uri Base = new("https://api.example.com/api/v1/");

    [Fact]
    public void Path_values_are_escaped_as_single_segments()
    {
        var request = new ApiRequest(HttpMethod.Get, "chats/{0}/conversations/{1}", "a/b c", "ü?#");
        Assert.Equal("https://api.example.com/api/v1/chats/a%2Fb%20c/conversations/%C3%BC%3F%23", request.BuildUri(Base).AbsoluteUri);
        Assert.Equal("chats/{0}/conversations/{1}", request.PathTemplate);
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
        Assert.Throws<ArgumentNullException>(() => new ApiRequest(HttpMethod.Get, "a/{0}", [null!]));
        Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Post, "x").WithIdempotencyKey("Idempotency-Key", " "));
        Assert.Throws<ArgumentException>(() => new ApiRequest(HttpMethod.Get, "x").AddQuery("", "v"));
    }
}
