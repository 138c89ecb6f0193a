using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Vertext;

/// <summary>Where a contact came from. Open: values this release does not know are kept as they are.</summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<ContactSource>))]
public readonly record struct ContactSource(string Value) : IOpenEnum<ContactSource>
{
    /// <summary>The embedded website widget (the documented value).</summary>
    public static ContactSource Widget { get; } = new("Widget");

    /// <inheritdoc />
    public static IReadOnlyList<ContactSource> KnownValues { get; } = [Widget];

    /// <inheritdoc />
    public static ContactSource FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
