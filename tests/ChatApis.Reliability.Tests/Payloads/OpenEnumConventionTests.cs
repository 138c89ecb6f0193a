using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChatApis.Json;

namespace ChatApis.Reliability.Tests.Payloads;

/// <summary>
/// Every open enum of every vendor lists all its declared values, and each of them is read back as the
/// declared instance (no new string), whatever was read before: the converter's remembered set is fixed
/// by the type, not by the first page a process happened to read.
/// </summary>
public class OpenEnumConventionTests
{
    private static readonly Assembly[] Vendors =
    [
        typeof(AssistLoop.AssistLoopClient).Assembly,
        typeof(Zipchat.ZipchatClient).Assembly,
        typeof(Chatting.ChattingClient).Assembly,
        typeof(Vertext.VertextClient).Assembly,
    ];

    public static TheoryData<string> OpenEnums => [.. OpenEnumTypes().Select(t => t.FullName!)];

    [Theory]
    [MemberData(nameof(OpenEnums))]
    public void Every_declared_value_is_listed_and_read_back_without_a_new_string(string typeName)
    {
        var type = OpenEnumTypes().Single(t => t.FullName == typeName);
        var declared = type.GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == type)
            .Select(p => (Name: p.Name, Value: (string)type.GetProperty("Value")!.GetValue(p.GetValue(null))!))
            .ToList();
        var known = ((System.Collections.IEnumerable)type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
            .Cast<object>()
            .Select(v => (string)type.GetProperty("Value")!.GetValue(v)!)
            .ToList();

        Assert.NotEmpty(declared);
        Assert.Equal(declared.Select(d => d.Value).Order(StringComparer.Ordinal), known.Order(StringComparer.Ordinal));
        Assert.Equal(known.Count, known.Distinct(StringComparer.Ordinal).Count());

        // An unknown value first (as a hostile first page would send), then every declared one.
        var options = new JsonSerializerOptions { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        Assert.Equal("hostile-first", type.GetProperty("Value")!.GetValue(JsonSerializer.Deserialize("\"hostile-first\"", type, options)));
        foreach (var (name, value) in declared)
        {
            var read = JsonSerializer.Deserialize(JsonSerializer.Serialize(value), type, options)!;
            Assert.True(ReferenceEquals(value, type.GetProperty("Value")!.GetValue(read)), $"{type.Name}.{name} was read as a new string");
        }
    }

    private static IEnumerable<Type> OpenEnumTypes() => Vendors
        .SelectMany(a => a.GetExportedTypes())
        .Where(t => t.IsValueType && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IOpenEnum<>)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal);
}
