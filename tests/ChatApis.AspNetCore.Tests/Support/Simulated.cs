using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Chatting;
using ChatApis.Testing.Zipchat;
using ChatApis.Zipchat;

namespace ChatApis.AspNetCore.Tests.Support;

/// <summary>Clients pointed at the simulators, with settings that keep tests on their manual clocks.</summary>
public static class Simulated
{
    public static AssistLoopClient AssistLoop(AssistLoopSimulator sim) => new(new AssistLoopClientOptions
    {
        BaseAddress = new Uri(sim.BaseAddress, "api/v1/"),
        AccessToken = AssistLoopSimulator.AccessToken,
        MaxRetries = 0,
    });

    public static ChattingClient Chatting(ChattingSimulator sim) => new(new ChattingClientOptions
    {
        BaseAddress = new Uri(sim.BaseAddress, "api/zapier/"),
        ApiKey = ChattingSimulator.ApiKey,
        MaxRetries = 0,
    });

    public static ZipchatClientOptions ZipchatOptions(ZipchatSimulator sim) => new()
    {
        ApiKey = ZipchatSimulator.ApiKey,
        ChatId = ZipchatSimulator.ChatId,
        BaseAddress = new Uri(sim.BaseAddress, ZipchatSimulator.ApiPath),
        MaxRetries = 0,

        // Longer than any wait the manual clock skips through by itself, so no call times out in virtual time.
        AttemptTimeout = TimeSpan.FromHours(1),
        TotalTimeout = TimeSpan.FromHours(2),
    };
}
