using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace ChatApis.Simulator.Tests;

/// <summary>The standalone simulator, run as users run it: a separate process, real ports, real HTTP.</summary>
public partial class SimulatorToolTests
{
    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "chatapis-simulator.dll");

    [Fact]
    public async Task Help_explains_the_routes_the_credentials_and_the_ports()
    {
        var (exitCode, output) = await RunToCompletionAsync("--help");

        Assert.Equal(0, exitCode);
        foreach (var expected in new[] { "--port", "--duration", "--seed", "'demo'", "75 Zipchat conversations", "120 contacts", "--fault", "VENDOR:FAULT[xCOUNT][@[METHOD ]PATH]", "zipchat:503x2", "/_admin/faults", "/api/v1/", "/v1/", "/oauth/token", "/api/integrations/backend_api/v1/", "/api/zapier/", "/chatbots/list", "al_sim_access_token", "zc-sim_backend_api_key_chat_1", "X-API-Key", "vtx_sim_access_token", "+1" })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_invalid_port_is_refused_with_a_message()
    {
        var (exitCode, output) = await RunToCompletionAsync("--port", "70000");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--port must be between 0 and 65532", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seed", "huge", "A seed is 'docs', 'demo' or a number from 0 to 100000 (was 'huge').")]
    [InlineData("--fault", "zipchat:503y", "Invalid fault '503y': it does not have the shape. Syntax: ")]
    [InlineData("--fault", "503", "Invalid --fault '503': it starts with the vendor and a colon")]
    public async Task An_invalid_seed_or_fault_is_refused_with_a_message_before_anything_listens(string option, string value, string message)
    {
        var (exitCode, output) = await RunToCompletionAsync("--port", "0", option, value, "--duration", "30");

        Assert.Equal(2, exitCode);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", output, StringComparison.Ordinal);
        Assert.DoesNotContain("is running", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_seed_demo_and_a_fault_the_banner_says_so_and_curl_meets_them()
    {
        using var process = Start("--port", "0", "--seed", "demo", "--fault", "zipchat:503x1@GET /api/integrations/backend_api/v1/chats/1/conversations", "--duration", "30");
        var banner = await ReadBannerAsync(process);
        var zipchat = Regex.Match(banner, @"Zipchat\s+(http://127\.0\.0\.1:\d+/\S*)").Groups[1].Value;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        try
        {
            Assert.Contains("Seed: demo (the documents' examples plus 70 Zipchat conversations and 120 contacts on Vertext's Demo chatbot).", banner, StringComparison.Ordinal);
            Assert.Contains("Faults queued: Zipchat 503x1@GET /api/integrations/backend_api/v1/chats/1/conversations.", banner, StringComparison.Ordinal);
            using var faulted = new HttpRequestMessage(HttpMethod.Get, zipchat + "chats/1/conversations");
            faulted.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "zc-sim_backend_api_key_chat_1");
            using var first = await http.SendAsync(faulted, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, first.StatusCode);
            var page = await GetAsync(http, zipchat + "chats/1/conversations?per_page=100", "Bearer", "zc-sim_backend_api_key_chat_1");
            Assert.Equal(75, Regex.Count(page, "\"chat_id\":1,"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task It_serves_all_five_surfaces_with_the_seeded_credentials_until_its_duration_ends()
    {
        using var process = Start("--port", "0", "--duration", "30");
        var banner = await ReadBannerAsync(process);
        string Url(string name) => Regex.Match(banner, $@"{name}\s+(http://127\.0\.0\.1:\d+/\S*)").Groups[1].Value;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        try
        {
            Assert.Contains("\"uuid\"", await GetAsync(http, Url("AssistLoop Zapier") + "oauth/me", "Bearer", "al_sim_access_token"), StringComparison.Ordinal);
            Assert.Contains("\"organization_uuid\"", await GetAsync(http, Url("AssistLoop Make") + "my/organizations", "Bearer", "al_sim_access_token"), StringComparison.Ordinal);
            Assert.Contains("\"conversations\"", await GetAsync(http, Url("Zipchat") + "chats/1/conversations", "Bearer", "zc-sim_backend_api_key_chat_1"), StringComparison.Ordinal);
            Assert.Contains("\"workspace_id\"", await GetAsync(http, Url("Chatting") + "me", "X-API-Key", "ck_live_5f0c3a9e8b7d4c21a0e6f1b2c3d4e5f6"), StringComparison.Ordinal);
            Assert.Contains("\"temperature\"", await GetAsync(http, Url("Vertext") + "chatbots/list?page=0&per_page=2", "Bearer", "vtx_sim_access_token"), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static async Task<string> GetAsync(HttpClient http, string url, string scheme, string credential)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (scheme == "Bearer")
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }
        else
        {
            request.Headers.Add(scheme, credential);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Tool);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    private static async Task<(int ExitCode, string Output)> RunToCompletionAsync(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await errors);
    }

    private static async Task<string> ReadBannerAsync(Process process)
    {
        var banner = new System.Text.StringBuilder();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            banner.AppendLine(line);
            if (line.StartsWith("Try:", StringComparison.Ordinal))
            {
                return banner.ToString();
            }
        }

        throw new InvalidOperationException("The simulator ended before printing its addresses: " + banner);
    }
}
