namespace ChatApis.Contract.Tests.Coverage;

/// <summary>
/// On a theory whose first argument is an endpoint (<c>"METHOD /template"</c>): each <c>InlineData</c> row
/// covers that endpoint's <see cref="Aspects"/>. The rows themselves are read, so an endpoint counts as
/// covered only when a row for it exists.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CoversEndpointArgumentAttribute(Aspect aspects) : Attribute
{
    public Aspect Aspects { get; } = aspects;
}
