using ChatApis.AssistLoop;
using ChatApis.Chatting;
using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Chatting;
using ChatApis.Testing.Zipchat;
using ChatApis.Zipchat;

namespace Samples.SupportBridge.Bridge;

/// <summary>
/// Which API each vendor's client talks to. With no credentials configured at all, the three simulators run in
/// this process and every client points at them; otherwise each vendor whose credentials are configured is used
/// for real, and the parts of the bridge that need a vendor without credentials are left out.
/// </summary>
public sealed class Vendors : IAsyncDisposable
{
    private Vendors(IConfiguration configuration)
    {
        AssistLoopLive = Has(configuration, AssistLoopClientOptions.DefaultSectionName, "AccessToken") || Has(configuration, AssistLoopClientOptions.DefaultSectionName, "RefreshToken");
        ZipchatLive = Has(configuration, ZipchatClientOptions.DefaultSectionName, "ApiKey");
        ChattingLive = Has(configuration, ChattingClientOptions.DefaultSectionName, "ApiKey");
    }

    public bool AssistLoopLive { get; }

    public bool ZipchatLive { get; }

    public bool ChattingLive { get; }

    public bool Simulated => !AssistLoopLive && !ZipchatLive && !ChattingLive;

    public bool HasAssistLoop => Simulated || AssistLoopLive;

    public bool HasZipchat => Simulated || ZipchatLive;

    public bool HasChatting => Simulated || ChattingLive;

    public AssistLoopSimulator? AssistLoopSim { get; private set; }

    public ZipchatSimulator? ZipchatSim { get; private set; }

    public ChattingSimulator? ChattingSim { get; private set; }

    public static async Task<Vendors> StartAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var vendors = new Vendors(configuration);
        if (vendors.Simulated)
        {
            vendors.AssistLoopSim = new AssistLoopSimulator();
            vendors.ZipchatSim = new ZipchatSimulator();
            vendors.ChattingSim = new ChattingSimulator();
            await Task.WhenAll(vendors.AssistLoopSim.StartAsync(cancellationToken), vendors.ZipchatSim.StartAsync(cancellationToken), vendors.ChattingSim.StartAsync(cancellationToken));
        }

        return vendors;
    }

    public void Register(IServiceCollection services, IConfiguration configuration)
    {
        if (AssistLoopSim is { } assistLoop)
        {
            services.AddAssistLoopClient(o =>
            {
                o.BaseAddress = new Uri(assistLoop.BaseAddress, "api/v1/");
                o.AccessToken = AssistLoopSimulator.AccessToken;
            });
        }
        else if (AssistLoopLive)
        {
            services.AddAssistLoopClient(configuration.GetSection(AssistLoopClientOptions.DefaultSectionName));
        }

        if (ZipchatSim is { } zipchat)
        {
            services.AddZipchatClient(o =>
            {
                o.BaseAddress = new Uri(zipchat.BaseAddress, ZipchatSimulator.ApiPath);
                o.ApiKey = ZipchatSimulator.ApiKey;
                o.ChatId = ZipchatSimulator.ChatId;
            });
        }
        else if (ZipchatLive)
        {
            services.AddZipchatClient(configuration.GetSection(ZipchatClientOptions.DefaultSectionName));
        }

        if (ChattingSim is { } chatting)
        {
            services.AddChattingClient(o =>
            {
                o.BaseAddress = new Uri(chatting.BaseAddress, "api/zapier/");
                o.ApiKey = ChattingSimulator.ApiKey;
            });
        }
        else if (ChattingLive)
        {
            services.AddChattingClient(configuration.GetSection(ChattingClientOptions.DefaultSectionName));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var simulator in new ChatApis.Testing.SimulatorHost?[] { AssistLoopSim, ZipchatSim, ChattingSim })
        {
            if (simulator is not null)
            {
                await simulator.DisposeAsync();
            }
        }
    }

    private static bool Has(IConfiguration configuration, string section, string key) =>
        !string.IsNullOrWhiteSpace(configuration.GetSection(section)[key]);
}
