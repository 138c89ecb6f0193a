using WireMock.Server;
using WireMock.Settings;

namespace ChatApis.Contract.Tests.Support;

/// <summary>
/// One WireMock server per test class (a class fixture): the first start in a process costs about half a
/// second, later ones tens of milliseconds. Tests of one class run one after another, so each test resets
/// the mappings and the request log in its constructor and owns the server while it runs.
/// </summary>
public sealed class ContractServer : IDisposable
{
    // Port 0: the operating system picks the port when Kestrel binds it and WireMock reads the bound
    // address back, so no port is probed and released first (that races with other processes).
    public WireMockServer Server { get; } = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Root => new(Server.Url!.TrimEnd('/') + "/");

    /// <summary>A base address under the root, e.g. <c>Base("api/v1/")</c>.</summary>
    public Uri Base(string relative) => new(Root, relative);

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
    }
}
