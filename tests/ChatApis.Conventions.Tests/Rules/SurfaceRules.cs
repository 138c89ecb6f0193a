using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using ChatApis.Conventions.Tests.Support;

namespace ChatApis.Conventions.Tests.Rules;

/// <summary>Rules over the whole public surface of the shipped assemblies (CONTRIBUTING.md "Types", house rules).</summary>
internal static class SurfaceRules
{
    /// <summary>XML documentation for the type and every member a user can see (public, or protected on an unsealed type).</summary>
    public static IEnumerable<string> IsDocumented(Type type, IReadOnlySet<string> documentedIds)
    {
        foreach (var member in VisibleMembers(type))
        {
            if (!documentedIds.Contains(DocumentationIds.Of(member)))
            {
                yield return $"{DocumentationIds.Of(member)} has no XML documentation.";
            }
        }
    }

    /// <summary>Rule 9: no other public top-level type, in any shipped assembly, has this type's simple name (and arity).</summary>
    public static IEnumerable<string> HasUniqueName(Type type, IEnumerable<Type> allPublicTypes)
    {
        if (type.IsNested)
        {
            yield break;
        }

        foreach (var other in allPublicTypes)
        {
            if (other != type && !other.IsNested && other.Name == type.Name)
            {
                yield return $"{type.FullName} ({type.Assembly.GetName().Name}) and {other.FullName} ({other.Assembly.GetName().Name}) share the name {type.Name}: "
                    + "a file using both namespaces needs an alias (give the vendor's model its vendor prefix).";
            }
        }
    }

    /// <summary>Rule 11: JSON contexts are internal (the wire format is not API).</summary>
    public static IEnumerable<string> HasNoPublicJsonContext(IEnumerable<Type> publicTypes) =>
        publicTypes.Where(t => t.IsSubclassOf(typeof(JsonSerializerContext)))
            .Select(t => $"{t.FullName} is a public JsonSerializerContext: make it internal (the wire format is not API).");

    /// <summary>Core names no vendor: it grants no vendor assembly its internals (what vendors need from Core is public).</summary>
    public static IEnumerable<string> GrantsNoInternalsTo(Assembly core, IEnumerable<string> vendorAssemblyNames)
    {
        var vendors = vendorAssemblyNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var grant in core.GetCustomAttributes<InternalsVisibleToAttribute>())
        {
            var friend = grant.AssemblyName.Split(',')[0].Trim();
            if (vendors.Contains(friend))
            {
                yield return $"{core.GetName().Name} has [InternalsVisibleTo(\"{grant.AssemblyName}\")]: a vendor package must use Core's public API only.";
            }
        }
    }

    /// <summary>The type and the members of it a user can see and that the compiler asks documentation for.</summary>
    public static IEnumerable<MemberInfo> VisibleMembers(Type type)
    {
        yield return type;
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            yield break; // A delegate's Invoke, BeginInvoke and constructor are the compiler's.
        }

        var members = type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m is not Type && IsVisible(m, type) && !IsCompilerMade(m, type))
            .ToList();
        var instanceConstructors = members.OfType<ConstructorInfo>().Count(c => !c.IsStatic);
        foreach (var member in members)
        {
            // A class that declares no constructor gets one from the compiler (parameterless, public or, on an abstract
            // class, protected), which asks no documentation for it; an explicit one without documentation already
            // fails the build (CS1591), so taking such a constructor for the compiler's loses nothing.
            if (member is ConstructorInfo { IsStatic: false } constructor && instanceConstructors == 1 && constructor.GetParameters().Length == 0
                && (type.IsAbstract ? constructor.IsFamily : constructor.IsPublic))
            {
                continue;
            }

            yield return member;
        }
    }

    private static bool IsVisible(MemberInfo member, Type type)
    {
        static bool Visible(MethodBase? method, Type type) =>
            method is not null && (method.IsPublic || (!type.IsSealed && (method.IsFamily || method.IsFamilyOrAssembly)));

        return member switch
        {
            MethodBase method => Visible(method, type) && !(method is MethodInfo { IsSpecialName: true } m && !m.Name.StartsWith("op_", StringComparison.Ordinal)),
            PropertyInfo property => Visible(property.GetMethod, type) || Visible(property.SetMethod, type),
            EventInfo @event => Visible(@event.AddMethod, type),
            FieldInfo field => !field.IsSpecialName && (field.IsPublic || (!type.IsSealed && (field.IsFamily || field.IsFamilyOrAssembly))),
            _ => false,
        };
    }

    // What the compiler writes for a record or a record struct (Equals, ToString, PrintMembers, <Clone>$, …) carries
    // [CompilerGenerated] and gets no documentation entry, and no documentation is asked for it.
    private static bool IsCompilerMade(MemberInfo member, Type type) =>
        member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false)
        || (member is PropertyInfo { Name: "EqualityContract" })
        || (type.IsEnum && member is MethodBase);
}
