using System.Reflection;
using ChatApis.Http;

namespace ChatApis.Conventions.Tests.Support;

/// <summary>
/// The vendor clients (every non-abstract <see cref="ChatApiClient"/> in the shipped assemblies) and the public
/// methods each declares, the surface the dialect's method rules are about.
/// </summary>
internal static class ClientSurface
{
    public static IReadOnlyList<Type> Clients { get; } =
        [.. ChatApisAssemblies.All.SelectMany(ChatApisAssemblies.PublicTypes).Where(IsClient)];

    /// <summary>Every public method of every client, instance or static, keyed by <see cref="Describe.Method"/>.</summary>
    public static IReadOnlyDictionary<string, MethodInfo> Methods { get; } = Index(Clients.SelectMany(PublicMethods));

    public static bool IsClient(Type type) => type is { IsClass: true, IsAbstract: false } && type.IsSubclassOf(typeof(ChatApiClient));

    /// <summary>
    /// The public methods a client declares itself or inherits from a vendor base class (what
    /// <see cref="ChatApiClient"/> and <see cref="object"/> declare is Core's, not the vendor's), without
    /// property and event accessors.
    /// </summary>
    public static IEnumerable<MethodInfo> PublicMethods(Type client)
    {
        for (var type = client; type is not null && type != typeof(ChatApiClient) && type != typeof(object); type = type.BaseType)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (!method.IsSpecialName)
                {
                    yield return method;
                }
            }
        }
    }

    public static IReadOnlyDictionary<string, MethodInfo> Index(IEnumerable<MethodInfo> methods)
    {
        var index = new SortedDictionary<string, MethodInfo>(StringComparer.Ordinal);
        foreach (var method in methods)
        {
            index.TryAdd(Describe.Method(method), method);
        }

        return index;
    }

    public static TheoryData<string> MethodRows(Func<MethodInfo, bool> select) =>
        new(Methods.Where(entry => select(entry.Value)).Select(entry => entry.Key));

    public static TheoryData<string> ClientRows() => new(Clients.Select(c => c.FullName!));

    public static Type Client(string fullName) => Clients.Single(c => c.FullName == fullName);
}
