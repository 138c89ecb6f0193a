namespace ChatApis.Contract.Tests.Coverage;

/// <summary>Says which surface a contract test class covers (its tests' <see cref="CoversAttribute"/>s belong to it).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ContractSurfaceAttribute(Surface surface) : Attribute
{
    public Surface Surface { get; } = surface;
}
