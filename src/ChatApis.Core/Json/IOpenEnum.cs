namespace ChatApis.Json;

/// <summary>
/// A string enumeration that accepts values it does not know (a vendor adding an enum value must not
/// break parsing). Implemented by readonly structs with well-known static values.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
public interface IOpenEnum<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IOpenEnum<TSelf>
{
    /// <summary>The value as sent on the wire.</summary>
    string Value { get; }

    /// <summary>
    /// The values this release declares (the struct's static properties). Reading one of them returns the
    /// declared instance without allocating a string; any other value is read as a new one.
    /// </summary>
    static abstract IReadOnlyList<TSelf> KnownValues { get; }

    /// <summary>Wraps a wire value, known or not.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The enum value.</returns>
    static abstract TSelf FromValue(string value);
}
