using System.Net;
using System.Text.Json;
using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Catalog;

namespace ChatApis.Testing.Tests.Catalog;

/// <summary>The 404 of a catalog simulator lists its routes under the surface each belongs to.</summary>
public sealed class RouteListingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_vendor_simulator_answers_an_unknown_route_with_its_routes_by_surface()
    {
        foreach (var vendor in VendorCatalog.All)
        {
            await using var simulator = vendor.CreateSimulator();
            await simulator.StartAsync(Ct);
            using var http = new HttpClient { BaseAddress = simulator.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

            using var response = await http.GetAsync("no/such/route", Ct);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal("not_found", body.RootElement.GetProperty("error").GetString());
            Assert.Equal($"{simulator.Name} has no route for GET /no/such/route; its routes are listed under \"routes\".", body.RootElement.GetProperty("message").GetString());
            var routes = body.RootElement.GetProperty("routes").EnumerateArray().ToList();
            Assert.NotEmpty(routes);
            Assert.All(routes, r => Assert.Matches("^(GET|POST|PUT|PATCH|DELETE)$", r.GetProperty("method").GetString()));
            Assert.All(routes, r => Assert.StartsWith("/", r.GetProperty("path").GetString(), StringComparison.Ordinal));
            // Each surface of the vendor owns at least one route.
            Assert.All(vendor.Surfaces, s => Assert.Contains(routes, r => r.TryGetProperty("surface", out var name) && name.GetString() == s.Name));
        }
    }

    [Fact]
    public async Task AssistLoop_routes_are_told_apart_by_surface_and_the_token_endpoint_belongs_to_none()
    {
        await using var simulator = new AssistLoopSimulator();
        await simulator.StartAsync(Ct);
        using var http = new HttpClient { BaseAddress = simulator.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        using var response = await http.DeleteAsync("api/v2/oauth/me", Ct);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var routes = body.RootElement.GetProperty("routes").EnumerateArray()
            .Select(r => (Surface: r.TryGetProperty("surface", out var s) ? s.GetString() : null, Method: r.GetProperty("method").GetString(), Path: r.GetProperty("path").GetString()))
            .ToList();
        Assert.Contains(("AssistLoop Zapier", "GET", "/api/v1/oauth/me"), routes);
        Assert.Contains(("AssistLoop Make", "GET", "/v1/oauth/me"), routes);
        Assert.Contains(("AssistLoop Make", "GET", "/v1/my/organizations"), routes);
        Assert.Contains((null, "POST", "/oauth/token"), routes);
        Assert.DoesNotContain(routes, r => r.Path!.StartsWith("/_admin", StringComparison.Ordinal));
        Assert.Equal("AssistLoopSimulator has no route for DELETE /api/v2/oauth/me; its routes are listed under \"routes\".", body.RootElement.GetProperty("message").GetString());
    }
}
