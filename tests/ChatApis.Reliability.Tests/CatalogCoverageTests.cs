using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing.Catalog;

namespace ChatApis.Reliability.Tests;

/// <summary>The suite covers every surface of the vendor catalog: a new vendor cannot join the catalog without joining the fault matrix.</summary>
public class CatalogCoverageTests
{
    [Fact]
    public void Every_surface_of_the_catalog_has_a_reliability_surface_in_catalog_order()
    {
        Assert.Equal(VendorCatalog.Surfaces.Select(s => s.Name), Surfaces.All.Select(s => s.InCatalog.Name));
    }

    [Fact]
    public void Each_surfaces_read_and_write_go_to_its_api_in_the_catalog()
    {
        foreach (var surface in Surfaces.All)
        {
            var api = "/" + surface.InCatalog.ApiPath;
            Assert.StartsWith(api, surface.Read.Path, StringComparison.Ordinal);
            Assert.StartsWith(api, surface.Write.Path, StringComparison.Ordinal);
        }
    }
}
