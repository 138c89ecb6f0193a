using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChatApis.Testing.Catalog;
using ChatApis.Testing.Vertext;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Simulator.Tests;

/// <summary>The tool's simulators started in-process, as --seed and --fault set them up, called over HTTP.</summary>
public sealed class SimulatorSetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Seed_demo_serves_the_QuickStart_data()
    {
        await using var set = await SimulatorSet.StartAsync(0, SimulatorSeed.Parse("demo"), [], Ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        using var conversations = await GetJsonAsync(http, Base(set, "Zipchat"), "chats/1/conversations?per_page=100", ZipchatSimulator.ApiKey);
        using var contacts = await GetJsonAsync(http, Base(set, "Vertext"), $"contacts/{VertextSimulator.DemoChatbotId}?page=0&per_page=500", VertextSimulator.AccessToken);

        Assert.Equal(75, conversations.RootElement.GetProperty("conversations").GetArrayLength());
        Assert.Equal(120, contacts.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Without_a_seed_option_the_documents_examples_are_served()
    {
        await using var set = await SimulatorSet.StartAsync(0, SimulatorSeed.Documents, [], Ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        using var conversations = await GetJsonAsync(http, Base(set, "Zipchat"), "chats/1/conversations?per_page=100", ZipchatSimulator.ApiKey);
        using var contacts = await GetJsonAsync(http, Base(set, "Vertext"), $"contacts/{VertextSimulator.DemoChatbotId}?page=0&per_page=500", VertextSimulator.AccessToken);

        Assert.Equal(5, conversations.RootElement.GetProperty("conversations").GetArrayLength());
        Assert.Equal(0, contacts.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task A_fault_option_reaches_only_its_vendor_for_its_count()
    {
        await using var set = await SimulatorSet.StartAsync(0, SimulatorSeed.Documents, [VendorFault.Parse("zipchat:503x2")], Ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var zipchat = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            zipchat.Add(await StatusAsync(http, HttpMethod.Get, new Uri(Base(set, "Zipchat"), "chats/1/conversations"), ZipchatSimulator.ApiKey));
        }

        var vertext = await StatusAsync(http, HttpMethod.Get, new Uri(Base(set, "Vertext"), "chatbots/list"), VertextSimulator.AccessToken);

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], zipchat);
        Assert.Equal(HttpStatusCode.OK, vertext);
    }

    [Fact]
    public async Task Every_simulator_of_the_tool_takes_faults_from_its_admin_endpoint()
    {
        await using var set = await SimulatorSet.StartAsync(0, SimulatorSeed.Documents, [], Ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var vertext = set.Running.Single(r => r.Vendor.Name == "Vertext").Simulator;

        using var added = await http.PostAsync(new Uri(vertext.BaseAddress, "_admin/faults"), new StringContent("429=1@GET /chatbots/list"), Ct);
        var limited = await StatusAsync(http, HttpMethod.Get, new Uri(vertext.BaseAddress, "chatbots/list"), VertextSimulator.AccessToken);
        var then = await StatusAsync(http, HttpMethod.Get, new Uri(vertext.BaseAddress, "chatbots/list"), VertextSimulator.AccessToken);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited);
        Assert.Equal(HttpStatusCode.OK, then);
        foreach (var (vendor, simulator) in set.Running)
        {
            using var listed = await http.GetAsync(new Uri(simulator.BaseAddress, "_admin/faults"), Ct);
            Assert.True(listed.StatusCode == HttpStatusCode.OK, $"{vendor.Name}'s admin answered {(int)listed.StatusCode}");
        }
    }

    [Fact]
    public async Task An_unknown_route_of_the_tool_lists_the_routes_with_the_admin_ones()
    {
        await using var set = await SimulatorSet.StartAsync(0, SimulatorSeed.Documents, [], Ct);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        using var response = await http.GetAsync(new Uri(Base(set, "Zipchat"), "chats/1/conversationz"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Zipchat has no route for GET /api/integrations/backend_api/v1/chats/1/conversationz; its routes are listed under \"routes\".", body.RootElement.GetProperty("message").GetString());
        var routes = body.RootElement.GetProperty("routes").EnumerateArray().Select(r => r.GetRawText()).ToList();
        Assert.Contains("""{"surface":"Zipchat","method":"GET","path":"/api/integrations/backend_api/v1/chats/{chatId}/conversations"}""", routes);
        Assert.Contains("""{"method":"POST","path":"/_admin/faults"}""", routes);
    }

    [Theory]
    [InlineData("zipchat:503x2", "Zipchat", "*", "*", 2)]
    [InlineData("Vertext:abortx*@GET /chatbots/list", "Vertext", "GET", "/chatbots/list", null)]
    [InlineData("ASSISTLOOP:html@/api/v1/*", "AssistLoop", "*", "/api/v1/*", 1)]
    public void A_fault_option_names_the_vendor_then_the_spec(string text, string vendor, string method, string path, int? count)
    {
        var fault = VendorFault.Parse(text);

        Assert.Same(VendorCatalog.Find(vendor), fault.Vendor);
        Assert.Equal((method, path, count), (fault.Spec.Method, fault.Spec.Path, fault.Spec.Count));
    }

    [Theory]
    [InlineData("503x2", "Invalid --fault '503x2': it starts with the vendor and a colon (VENDOR:FAULT[xCOUNT][@[METHOD ]PATH], e.g. zipchat:503x2); vendors: assistloop, zipchat, chatting, vertext.")]
    [InlineData("slack:503", "Unknown vendor 'slack'; known: AssistLoop, Zipchat, Chatting, Vertext.")]
    [InlineData("zipchat:teapot", "Invalid fault 'teapot': 'teapot' is not a fault.")]
    public void An_invalid_fault_option_says_what_is_wrong(string text, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => VendorFault.Parse(text));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    private static Uri Base(SimulatorSet set, string vendor)
    {
        var (entry, simulator) = set.Running.Single(r => r.Vendor.Name == vendor);
        return entry.Surfaces[0].ApiBase(simulator);
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient http, Uri surface, string relative, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(surface, relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{request.RequestUri} answered {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, HttpMethod method, Uri url, string token)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, Ct);
        return response.StatusCode;
    }
}
