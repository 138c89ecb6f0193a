using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Vertext;

/// <summary>A contact's lifecycle stage. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<ContactLifecycle>))]
public readonly record struct ContactLifecycle(string Value) : IOpenEnum<ContactLifecycle>
{
    /// <summary>A lead (the documented value).</summary>
    public static ContactLifecycle Lead { get; } = new("Lead");

    /// <inheritdoc />
    public static IReadOnlyList<ContactLifecycle> KnownValues { get; } = [Lead];

    /// <inheritdoc />
    public static ContactLifecycle FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
