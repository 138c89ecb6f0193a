using ChatApis.Conventions.Tests.Rules;
using ChatApis.Conventions.Tests.Support;

namespace ChatApis.Conventions.Tests;

/// <summary>Rules over every public type of Core and the vendor packages.</summary>
public sealed class PublicSurfaceTests
{
    private static readonly IReadOnlyList<Type> AllPublicTypes = [.. ChatApisAssemblies.All.SelectMany(ChatApisAssemblies.PublicTypes)];

    public static TheoryData<string> PublicTypes() => new(AllPublicTypes.Select(RowOf));

    public static TheoryData<string> Assemblies() => ChatApisAssemblies.AssemblyRows();

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void Public_types_and_members_have_xml_documentation(string type)
    {
        var resolved = Resolve(type);
        Verdict.None(SurfaceRules.IsDocumented(resolved, XmlDocumentation.DocumentedIds(resolved.Assembly)));
    }

    [Theory]
    [MemberData(nameof(PublicTypes))]
    public void No_two_public_types_share_a_name(string type) =>
        Verdict.None(SurfaceRules.HasUniqueName(Resolve(type), AllPublicTypes));

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Json_contexts_are_internal(string assembly) =>
        Verdict.None(SurfaceRules.HasNoPublicJsonContext(ChatApisAssemblies.PublicTypes(ChatApisAssemblies.ByName(assembly))));

    [Fact]
    public void Core_grants_no_vendor_access_to_its_internals() =>
        Verdict.None(SurfaceRules.GrantsNoInternalsTo(ChatApisAssemblies.Core, ChatApisAssemblies.VendorNames.Select(v => "ChatApis." + v)));

    private static string RowOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    private static Type Resolve(string row) => AllPublicTypes.Single(t => RowOf(t) == row);
}
