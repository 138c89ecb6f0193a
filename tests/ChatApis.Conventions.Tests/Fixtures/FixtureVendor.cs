using ChatApis.Http;
using ChatApis.Json;
using ChatApis.Vendors;

namespace ChatApis.Conventions.Tests.Fixtures;

/// <summary>The options of the fixture vendor "Fixture", which declares what every vendor package must.</summary>
public sealed class FixtureClientOptions : ChatApiClientOptions
{
}

/// <summary>The descriptor of the fixture vendor.</summary>
public sealed class FixtureVendor : ChatApiVendor<DialectClient, FixtureClientOptions>
{
    public static FixtureVendor Instance { get; } = new();

    public override VendorProfile Profile { get; } = new() { Name = "Fixture", DefaultBaseAddress = new Uri("https://fixture.invalid/") };

    protected override DelegatingHandler CreateAuthenticationHandler(ChatApiClientContext<FixtureClientOptions> context) => throw new NotSupportedException();

    protected override DialectClient CreateClient(ChatApiClientContext<FixtureClientOptions> context) => throw new NotSupportedException();
}

/// <summary>The fixture vendor's error codes.</summary>
public readonly record struct FixtureErrorCode(string Value) : IOpenEnum<FixtureErrorCode>
{
    public static FixtureErrorCode NotFound { get; } = new("not_found");

    public static IReadOnlyList<FixtureErrorCode> KnownValues { get; } = [NotFound];

    public static FixtureErrorCode FromValue(string value) => new(value);
}

/// <summary>Reads the fixture vendor's error code.</summary>
public static class FixtureErrorCodeExtensions
{
    public static FixtureErrorCode? GetFixtureErrorCode(this ChatApiException exception) =>
        exception.ErrorCode is { Length: > 0 } code ? new FixtureErrorCode(code) : null;
}

/// <summary>A vendor "Drifting" that got every package-level rule wrong.</summary>
public class DriftingVendor
{
    public static DriftingVendor Instance => new();
}

/// <summary>Not a readonly struct, not an open enum.</summary>
public sealed class DriftingErrorCode
{
    public string? Value { get; init; }
}

/// <summary>An error-code reader that is not an extension on ChatApiException.</summary>
public static class DriftingErrorCodeReader
{
    public static string? GetDriftingErrorCode(ChatApiException exception) => exception.ErrorCode;
}
