namespace ChatApis.Contract.Tests.Support;

/// <summary>One registered WireMock mapping: the request it accepts and the reply it gives.</summary>
public sealed record Stub(Guid Id, ExpectedRequest Request, Reply Reply)
{
    public override string ToString() => $"{Request} -> {Reply.Status}";
}
