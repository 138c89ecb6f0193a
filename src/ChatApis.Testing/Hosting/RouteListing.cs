using System.Text;
using System.Text.Json.Nodes;
using ChatApis.Testing.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatApis.Testing;

/// <summary>
/// The answer to a request no route matches: 404 with a JSON body that lists every route of the simulator
/// (method and path template, under the surface it belongs to), so a wrong base address or a typo is found
/// from the response itself instead of from the source.
/// </summary>
internal sealed class RouteListing
{
    private readonly string _name;
    private readonly IEndpointRouteBuilder _routes;
    private readonly IReadOnlyList<SimulatedSurface> _surfaces;
    private readonly IReadOnlyList<(string Method, string Path)> _extra;
    private JsonArray? _listing;

    public RouteListing(string name, IEndpointRouteBuilder routes, IReadOnlyList<SimulatedSurface> surfaces, IReadOnlyList<(string Method, string Path)> extra)
    {
        _name = name;
        _routes = routes;
        _surfaces = surfaces;
        _extra = extra;
    }

    public Task WriteAsync(HttpContext context)
    {
        var answer = new JsonObject
        {
            ["error"] = "not_found",
            ["message"] = $"{_name} has no route for {context.Request.Method} {RequestPaths.RawPath(context)}; its routes are listed under \"routes\".",
            ["routes"] = Listing().DeepClone(),
        };
        var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString(JsonText.Options));
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = RawJsonResult.JsonContentType;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    // Built on the first miss (the endpoints are all mapped by then) and kept: the routes never change.
    private JsonArray Listing()
    {
        if (Volatile.Read(ref _listing) is { } built)
        {
            return built;
        }

        var routes = _routes.DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => (Method: method, Path: "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/'))))
            .Concat(_extra)
            .Distinct()
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .ThenBy(r => r.Method, StringComparer.Ordinal);
        var listing = new JsonArray();
        foreach (var (method, path) in routes)
        {
            var route = new JsonObject();
            if (SurfaceOf(path) is { } surface)
            {
                route["surface"] = surface;
            }

            route["method"] = method;
            route["path"] = path;
            listing.Add((JsonNode)route);
        }

        return Interlocked.CompareExchange(ref _listing, listing, null) ?? listing;
    }

    // The surface whose API path is the longest prefix of the route's path; none for a route outside every
    // surface (AssistLoop's token endpoint at the host root, the admin endpoints).
    private string? SurfaceOf(string path) =>
        _surfaces
            .Where(s => !path.StartsWith("/_admin/", StringComparison.Ordinal) && path.StartsWith("/" + s.ApiPath, StringComparison.Ordinal))
            .OrderByDescending(s => s.ApiPath.Length)
            .FirstOrDefault()?.Name;
}
