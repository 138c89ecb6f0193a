using ChatApis.Conventions.Tests.Rules;
using ChatApis.Conventions.Tests.Support;

namespace ChatApis.Conventions.Tests;

/// <summary>Rules about each vendor client as a whole, one row per client.</summary>
public sealed class ClientTypeTests
{
    public static TheoryData<string> Clients() => ClientSurface.ClientRows();

    [Theory]
    [MemberData(nameof(Clients))]
    public void Clients_have_a_protected_parameterless_constructor_for_mocking(string client) =>
        Verdict.None(ClientRules.HasProtectedParameterlessConstructor(ClientSurface.Client(client)));

    [Theory]
    [MemberData(nameof(Clients))]
    public void Clients_that_subscribe_to_webhooks_also_unsubscribe(string client) =>
        Verdict.None(ClientRules.WebhookMethodsComeInPairs(ClientSurface.Client(client)));
}
