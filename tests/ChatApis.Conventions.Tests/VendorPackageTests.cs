using ChatApis.Conventions.Tests.Rules;
using ChatApis.Conventions.Tests.Support;

namespace ChatApis.Conventions.Tests;

/// <summary>What every vendor package declares, one row per vendor.</summary>
public sealed class VendorPackageTests
{
    public static TheoryData<string> Vendors() => ChatApisAssemblies.VendorNameRows();

    // Without this, a vendor whose client stopped deriving from ChatApiClient would silently drop out of every method rule.
    [Theory]
    [MemberData(nameof(Vendors))]
    public void Every_vendor_package_has_a_client(string vendor) =>
        Assert.True(
            ClientSurface.Clients.Any(c => c.Assembly == ChatApisAssemblies.Vendor(vendor)),
            $"ChatApis.{vendor} has no public non-abstract ChatApis.Http.ChatApiClient: the conventions tests see no client of it.");

    [Theory]
    [MemberData(nameof(Vendors))]
    public void Every_vendor_has_a_sealed_descriptor_with_a_static_Instance(string vendor) =>
        Verdict.None(VendorRules.HasDescriptor(vendor, ChatApisAssemblies.PublicTypes(ChatApisAssemblies.Vendor(vendor))));

    [Theory]
    [MemberData(nameof(Vendors))]
    public void Every_vendor_has_an_open_enum_of_error_codes(string vendor) =>
        Verdict.None(VendorRules.HasOpenEnumErrorCode(vendor, ChatApisAssemblies.PublicTypes(ChatApisAssemblies.Vendor(vendor))));

    [Theory]
    [MemberData(nameof(Vendors))]
    public void Every_vendor_has_a_GetVendorErrorCode_extension_on_ChatApiException(string vendor) =>
        Verdict.None(VendorRules.HasErrorCodeExtension(vendor, ChatApisAssemblies.PublicTypes(ChatApisAssemblies.Vendor(vendor))));
}
