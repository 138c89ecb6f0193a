using System.Collections.Concurrent;
using System.Reflection;
using System.Xml.Linq;

namespace ChatApis.Conventions.Tests.Support;

/// <summary>The documented members of an assembly, read from the XML documentation file next to it.</summary>
internal static class XmlDocumentation
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlySet<string>> Cache = new();

    /// <summary>The IDs of the members with documentation (any text, or an inheritdoc).</summary>
    public static IReadOnlySet<string> DocumentedIds(Assembly assembly) => Cache.GetOrAdd(assembly, Load);

    public static string PathOf(Assembly assembly) => Path.ChangeExtension(assembly.Location, ".xml");

    private static IReadOnlySet<string> Load(Assembly assembly)
    {
        var path = PathOf(assembly);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{assembly.GetName().Name} ships no XML documentation ({path} is missing): set GenerateDocumentationFile.");
        }

        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Element("inheritdoc") is not null || !string.IsNullOrWhiteSpace(m.Value))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);
    }
}
