namespace ChatApis.Contract.Tests.Coverage;

/// <summary>
/// Names the documented endpoint (<c>"METHOD /template"</c> exactly as <see cref="DocumentedEndpoints"/>
/// lists it, or <c>"EVENT name"</c> for a webhook payload) and what of it a test pins. The coverage test
/// reads these by reflection, so the check does not depend on which tests ran or in what order.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CoversAttribute(string endpoint, Aspect aspects) : Attribute
{
    public string Endpoint { get; } = endpoint;

    public Aspect Aspects { get; } = aspects;
}
