using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Vertext;

/// <summary>Where a contact came from. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<VertextContactSource>))]
public readonly record struct VertextContactSource(string Value) : IOpenEnum<VertextContactSource>
{
    /// <summary>The embedded website widget (the documented value).</summary>
    public static VertextContactSource Widget { get; } = new("Widget");

    /// <inheritdoc />
    public static IReadOnlyList<VertextContactSource> KnownValues { get; } = [Widget];

    /// <inheritdoc />
    public static VertextContactSource FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
