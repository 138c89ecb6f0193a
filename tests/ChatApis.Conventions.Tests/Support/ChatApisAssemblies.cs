using System.Reflection;
using ChatApis.Http;

namespace ChatApis.Conventions.Tests.Support;

/// <summary>The shipped libraries the dialect covers: Core and the four vendor packages.</summary>
internal static class ChatApisAssemblies
{
    /// <summary>The vendors, as their packages are named (<c>ChatApis.&lt;Vendor&gt;</c>).</summary>
    public static IReadOnlyList<string> VendorNames { get; } = ["AssistLoop", "Chatting", "Vertext", "Zipchat"];

    public static Assembly Core { get; } = typeof(ChatApiClient).Assembly;

    // Loaded by name, not through one of their types, so that renaming a vendor's types cannot break this list.
    public static IReadOnlyList<Assembly> Vendors { get; } = [.. VendorNames.Select(Vendor)];

    public static IReadOnlyList<Assembly> All { get; } = [Core, .. Vendors];

    public static Assembly Vendor(string vendorName) => Assembly.Load(new AssemblyName("ChatApis." + vendorName));

    public static Assembly ByName(string assemblyName) => All.Single(a => a.GetName().Name == assemblyName);

    /// <summary>Every type visible outside its assembly (public, nested in public), ordered by full name.</summary>
    public static IReadOnlyList<Type> PublicTypes(Assembly assembly) =>
        [.. assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal)];

    public static TheoryData<string> VendorNameRows() => new(VendorNames);

    public static TheoryData<string> AssemblyRows() => new(All.Select(a => a.GetName().Name!));
}
