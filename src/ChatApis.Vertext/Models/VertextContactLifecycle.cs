using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Vertext;

/// <summary>A contact's lifecycle stage. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<VertextContactLifecycle>))]
public readonly record struct VertextContactLifecycle(string Value) : IOpenEnum<VertextContactLifecycle>
{
    /// <summary>A lead (the documented value).</summary>
    public static VertextContactLifecycle Lead { get; } = new("Lead");

    /// <inheritdoc />
    public static IReadOnlyList<VertextContactLifecycle> KnownValues { get; } = [Lead];

    /// <inheritdoc />
    public static VertextContactLifecycle FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
