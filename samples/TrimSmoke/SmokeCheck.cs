using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Samples.TrimSmoke;

/// <summary>
/// One vendor's part of the smoke run. Each check adds itself to <see cref="All"/> from a module initializer in its
/// own file (no reflection: this program is published as Native AOT), so a new vendor's check is one new file.
/// </summary>
internal abstract class SmokeCheck
{
    private static readonly List<SmokeCheck> Registered = [];

    /// <summary>Every check, by vendor name.</summary>
    public static IReadOnlyList<SmokeCheck> All => [.. Registered.OrderBy(c => c.Vendor, StringComparer.Ordinal)];

    /// <summary>The vendor, as in its configuration section <c>ChatApis:&lt;Vendor&gt;</c> and its argument <c>--&lt;vendor&gt;</c>.</summary>
    public abstract string Vendor { get; }

    /// <summary>The client settings that default to the simulator's seeded test values (not secrets), by option name.</summary>
    public abstract IReadOnlyDictionary<string, string> SeededSettings { get; }

    public string SectionName => "ChatApis:" + Vendor;

    public string Argument => "--" + Vendor.ToLowerInvariant();

    /// <summary>Registers the vendor's client from its configuration section, as an app would.</summary>
    public abstract void AddClient(IServiceCollection services, IConfiguration section);

    /// <summary>Makes the vendor's call and compares every field with the raw response.</summary>
    public abstract Task<SmokeReport> RunAsync(IServiceProvider services, IConfiguration section, HttpClient http, CancellationToken cancellationToken);

    protected static void Register(SmokeCheck check) => Registered.Add(check);
}
