using System.Net.Sockets;
using System.Text;
using ChatApis.Testing;
using ChatApis.Testing.Tests.Support;

namespace ChatApis.Testing.Tests.Journal;

public sealed class RequestJournalTests : SimulatorTest
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    protected override SimulatorHostOptions CreateOptions() => new() { TimeProvider = _clock };

    [Fact]
    public async Task Records_method_path_query_headers_and_body()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "items?b=2&a=1&a=3&A=upper&q=hello%20world&plus=a+b&empty=")
        {
            Content = JsonContent("""{"name":"widget"}"""),
        };
        request.Headers.Add("X-Api-Key", "key_123");

        using var response = await Client.SendAsync(request, Ct);

        var recorded = Assert.Single(Sim.Journal.Requests);
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/items", recorded.Path);
        Assert.Equal("?b=2&a=1&a=3&A=upper&q=hello%20world&plus=a+b&empty=", recorded.QueryString);
        Assert.Equal("3", recorded.Query["a"]);
        Assert.Equal("upper", recorded.Query["A"]);
        Assert.Equal("2", recorded.Query["b"]);
        Assert.Equal("hello world", recorded.Query["q"]);
        Assert.Equal("a b", recorded.Query["plus"]);
        Assert.Equal("", recorded.Query["empty"]);
        Assert.Equal(6, recorded.Query.Count);
        Assert.Equal("key_123", recorded.Headers["x-api-key"]);
        Assert.Equal("key_123", recorded.Headers["X-API-KEY"]);
        Assert.Equal($"127.0.0.1:{Sim.BaseAddress.Port}", recorded.Headers["Host"]);
        Assert.Equal("application/json; charset=utf-8", recorded.ContentType);
        Assert.Equal("""{"name":"widget"}""", recorded.Body);
        Assert.Equal(Encoding.UTF8.GetBytes("""{"name":"widget"}"""), recorded.BodyBytes);
        Assert.Equal(_clock.GetUtcNow(), recorded.ReceivedAt);
        Assert.Equal("POST /items?b=2&a=1&a=3&A=upper&q=hello%20world&plus=a+b&empty=", recorded.ToString());
    }

    [Fact]
    public async Task The_endpoint_still_reads_the_body_the_journal_recorded()
    {
        using var response = await Client.PostAsync("items", JsonContent("""{"name":"widget"}"""), Ct);

        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("""{"name":"widget"}""", Sim.LastPostedBody);
        Assert.Equal(Sim.LastPostedBody, Sim.Journal.Last.Body);
    }

    [Fact]
    public async Task A_request_without_query_or_body_records_empty_values()
    {
        await Client.GetAsync("items", Ct);

        var recorded = Sim.Journal.Last;
        Assert.Equal("", recorded.QueryString);
        Assert.Empty(recorded.Query);
        Assert.Empty(recorded.BodyBytes);
        Assert.Equal("", recorded.Body);
        Assert.Null(recorded.ContentType);
        Assert.Null(recorded.TryParseJsonBody());
    }

    [Fact]
    public async Task Repeated_header_lines_are_joined_and_the_raw_path_is_kept()
    {
        // HttpClient folds repeated values into one line, so the wire is written by hand here.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Sim.BaseAddress.Host, Sim.BaseAddress.Port, Ct);
        var stream = tcp.GetStream();
        var raw = "GET /items/a%20b%2Fc?x=%41 HTTP/1.1\r\nHost: sim\r\nX-Multi: one\r\nX-Multi: two\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(raw), Ct);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var response = await reader.ReadToEndAsync(Ct);

        Assert.StartsWith("HTTP/1.1 404", response, StringComparison.Ordinal);
        var recorded = Sim.Journal.Last;
        Assert.Equal("one, two", recorded.Headers["x-multi"]);
        Assert.Equal("/items/a%20b%2Fc", recorded.Path);
        Assert.Equal("?x=%41", recorded.QueryString);
        Assert.Equal("A", recorded.Query["x"]);
    }

    [Fact]
    public async Task TryParseJsonBody_parses_json_and_rejects_anything_else()
    {
        await Client.PostAsync("items", JsonContent("""{"name":"widget","n":2}"""), Ct);
        await Client.PostAsync("items", JsonContent("{not json"), Ct);

        var requests = Sim.Journal.Requests;
        using (var document = requests[0].TryParseJsonBody())
        {
            Assert.NotNull(document);
            Assert.Equal("widget", document.RootElement.GetProperty("name").GetString());
            Assert.Equal(2, document.RootElement.GetProperty("n").GetInt32());
        }

        Assert.Null(requests[1].TryParseJsonBody());
    }

    [Fact]
    public async Task ReceivedAt_follows_the_host_clock()
    {
        await Client.GetAsync("items", Ct);
        _clock.Advance(TimeSpan.FromMinutes(5));
        await Client.GetAsync("items", Ct);

        var requests = Sim.Journal.Requests;
        Assert.Equal(TimeSpan.FromMinutes(5), requests[1].ReceivedAt - requests[0].ReceivedAt);
    }

    [Fact]
    public async Task Where_filters_by_method_and_path_and_Clear_forgets_everything()
    {
        await Client.GetAsync("items", Ct);
        await Client.PostAsync("items", JsonContent("{}"), Ct);
        await Client.GetAsync("short", Ct);
        await Client.GetAsync("items", Ct);

        Assert.Equal(4, Sim.Journal.Count);
        Assert.Equal(2, Sim.Journal.Where("GET", "/items").Count);
        Assert.Equal(2, Sim.Journal.Where("get", "/ITEMS").Count);
        Assert.Single(Sim.Journal.Where("POST", "/items"));
        Assert.Equal(3, Sim.Journal.Where("*", "/items").Count);
        Assert.Equal(3, Sim.Journal.Where("GET", "/*").Count);
        Assert.Empty(Sim.Journal.Where("DELETE", "/items"));
        Assert.Equal("/items", Sim.Journal.Last.Path);
        Assert.Equal("GET", Sim.Journal.Last.Method);

        Sim.Journal.Clear();

        Assert.Equal(0, Sim.Journal.Count);
        Assert.Empty(Sim.Journal.Requests);
        Assert.Throws<InvalidOperationException>(() => Sim.Journal.Last);
    }

    [Fact]
    public async Task Requests_is_a_snapshot()
    {
        await Client.GetAsync("items", Ct);
        var before = Sim.Journal.Requests;

        await Client.GetAsync("items", Ct);

        Assert.Single(before);
        Assert.Equal(2, Sim.Journal.Requests.Count);
    }

    [Fact]
    public async Task Concurrent_requests_are_all_recorded()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Client.GetAsync($"items?i={i}", Ct)));

        var seen = Sim.Journal.Requests.Select(r => int.Parse(r.Query["i"], System.Globalization.CultureInfo.InvariantCulture)).Order();
        Assert.Equal(Enumerable.Range(0, 40), seen);
    }
}
