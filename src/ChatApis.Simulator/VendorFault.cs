using ChatApis.Testing;
using ChatApis.Testing.Catalog;

namespace ChatApis.Simulator;

/// <summary>
/// One <c>--fault</c>: <c>VENDOR:SPEC</c>, the vendor of the <see cref="VendorCatalog"/> (any case) whose
/// simulator gets the rule, then a <see cref="FaultSpec"/>, e.g. <c>zipchat:503x2</c> or
/// <c>vertext:abort@GET /chatbots/list</c>.
/// </summary>
internal sealed record VendorFault(SimulatedVendor Vendor, FaultSpec Spec)
{
    public const string Syntax = "VENDOR:FAULT[xCOUNT][@[METHOD ]PATH]";

    /// <exception cref="ArgumentException">No vendor before the colon, an unknown vendor or an invalid spec; the message says which.</exception>
    public static VendorFault Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new ArgumentException(
                $"Invalid --fault '{text}': it starts with the vendor and a colon ({Syntax}, e.g. zipchat:503x2); vendors: {string.Join(", ", VendorCatalog.All.Select(v => v.Name.ToLowerInvariant()))}.",
                nameof(text));
        }

        return new VendorFault(VendorCatalog.Find(text[..colon].Trim()), FaultSpec.Parse(text[(colon + 1)..]));
    }
}
