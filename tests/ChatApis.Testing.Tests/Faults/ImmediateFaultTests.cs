using System.Net;
using System.Text.Json;
using ChatApis.Testing;
using ChatApis.Testing.Tests.Support;

namespace ChatApis.Testing.Tests.Faults;

/// <summary>Faults that answer in place of the endpoint.</summary>
public sealed class ImmediateFaultTests : SimulatorTest
{
    [Fact]
    public async Task Status_answers_with_its_status_body_and_headers_without_running_the_endpoint()
    {
        var headers = new Dictionary<string, string> { ["Retry-After"] = "7", ["X-Request-Id"] = "req_1" };
        Sim.Faults.On("POST", "/items").Once(Fault.Status(429, """{"error":"slow down"}""", headers: headers));

        using var response = await Client.PostAsync("items", JsonContent("{}"), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("""{"error":"slow down"}""", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("7", Assert.Single(response.Headers.GetValues("Retry-After")));
        Assert.Equal("req_1", Assert.Single(response.Headers.GetValues("X-Request-Id")));
        Assert.Equal(0, Sim.Created);
    }

    [Fact]
    public async Task Status_without_a_body_sends_an_empty_one_and_a_custom_content_type_is_kept()
    {
        Sim.Faults.On("GET", "/items").Once(Fault.Status(503)).Then(Fault.Status(500, "oops", "text/plain"));

        using var first = await Client.GetAsync("items", Ct);
        using var second = await Client.GetAsync("items", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(0, first.Content.Headers.ContentLength);
        Assert.Equal("", await first.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.InternalServerError, second.StatusCode);
        Assert.Equal("text/plain", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal("oops", await second.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Html_answers_with_a_proxy_style_error_page()
    {
        Sim.Faults.On("POST", "/items").Once(Fault.Html()).Then(Fault.Html(504));

        using var first = await Client.PostAsync("items", JsonContent("{}"), Ct);
        using var second = await Client.PostAsync("items", JsonContent("{}"), Ct);

        Assert.Equal(HttpStatusCode.BadGateway, first.StatusCode);
        Assert.Equal("text/html", first.Content.Headers.ContentType?.MediaType);
        var page = await first.Content.ReadAsStringAsync(Ct);
        Assert.StartsWith("<html>", page, StringComparison.Ordinal);
        Assert.Contains("<title>502 Bad Gateway</title>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.GatewayTimeout, second.StatusCode);
        Assert.Contains("504 Gateway Timeout", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, Sim.Created);
    }

    [Fact]
    public async Task Redirect_answers_with_the_location()
    {
        Sim.Faults.On("GET", "/items").Once(Fault.Redirect("https://elsewhere.example/items", 307)).Then(Fault.Redirect("/short"));
        var client = NewClient(allowAutoRedirect: false);

        using var first = await client.GetAsync("items", Ct);
        using var second = await client.GetAsync("items", Ct);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, first.StatusCode);
        Assert.Equal(new Uri("https://elsewhere.example/items"), first.Headers.Location);
        Assert.Equal(HttpStatusCode.Found, second.StatusCode);
        Assert.Equal("/short", second.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task EmptyBody_answers_with_the_status_and_content_length_zero()
    {
        Sim.Faults.On("POST", "/items").Once(Fault.EmptyBody(200));

        using var response = await Client.PostAsync("items", JsonContent("{}"), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(0, Sim.Created);
    }

    [Fact]
    public async Task OversizeBody_streams_a_valid_json_string_of_exactly_that_size()
    {
        const long size = 3_000_000;
        Sim.Faults.On("GET", "/items").Once(Fault.OversizeBody(size));

        using var response = await Client.GetAsync("items", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(size, response.Content.Headers.ContentLength);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(size, body.LongLength);
        using var document = JsonDocument.Parse(body);
        Assert.Equal(JsonValueKind.String, document.RootElement.ValueKind);
        Assert.Equal(size - 2, document.RootElement.GetString()!.Length);
    }

    [Fact]
    public void Factories_reject_nonsense_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.Status(42));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.TruncateBody(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.StallBody(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.SlowBody(TimeSpan.FromMilliseconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.Delay(TimeSpan.FromMilliseconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.OversizeBody(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Fault.Redirect("/x", 200));
        Assert.Throws<ArgumentException>(() => Fault.Redirect(""));
        Assert.Throws<ArgumentNullException>(() => Fault.ReplaceBody(null!));
    }

    [Fact]
    public void Faults_are_values()
    {
        Assert.Equal(Fault.Html(503), Fault.Html(503));
        Assert.NotEqual<Fault>(Fault.Html(503), Fault.EmptyBody(503));
        Assert.Equal(Fault.Delay(TimeSpan.FromSeconds(1)), Fault.Delay(TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(1), Fault.Delay(TimeSpan.FromSeconds(1)).Duration);
        Assert.Equal(10, Fault.TruncateBody(10).KeepBytes);
    }
}
