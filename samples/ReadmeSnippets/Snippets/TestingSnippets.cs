using ChatApis.Testing;
using ChatApis.Testing.Zipchat;
using ChatApis.Zipchat;

namespace Samples.ReadmeSnippets.Snippets;

/// <summary>README: testing an integration offline against a simulator.</summary>
internal static class TestingSnippets
{
    public static async Task<int> RunAsync()
    {
        #region snippet:testing with-usings
        await using var simulator = new ZipchatSimulator();
        await simulator.StartAsync();
        using var zipchat = new ZipchatClient(new ZipchatClientOptions
        {
            ApiKey = ZipchatSimulator.ApiKey,
            ChatId = ZipchatSimulator.ChatId,
            BaseAddress = new Uri(simulator.BaseAddress, ZipchatSimulator.ApiPath),
        });

        simulator.Faults.On("GET", "/api/integrations/backend_api/v1/chats/1/users").Once(Fault.Status(503));
        var users = await zipchat.GetUsersPageAsync();   // retried after the 503, then served

        var sent = simulator.Journal.Last;               // exactly what went over the wire
        Console.WriteLine($"{sent.Method} {sent.Path}{sent.QueryString}: {users.Value.Users.Count} users after {users.Attempts} attempts");
        #endregion

        return users.Attempts;
    }
}
