using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace ChatApis.Http;

/// <summary>
/// How every vendor's Refit wire contract is built: one place for the settings the pipeline depends on.
/// </summary>
public static class ChatApiRefit
{
    /// <summary>
    /// The settings for a vendor's Refit interfaces: bodies serialized with the vendor's source-generated JSON
    /// contracts (no reflection), buffered so they go out with a <c>Content-Length</c> instead of chunked,
    /// and URLs resolved as HttpClient does (a relative template appends to the base address' path, one
    /// starting with <c>/</c> replaces it).
    /// </summary>
    /// <param name="jsonTypes">The vendor's source-generated JSON context (its request bodies).</param>
    /// <returns>New settings; share one instance per vendor.</returns>
    public static RefitSettings CreateSettings(IJsonTypeInfoResolver jsonTypes)
    {
        ArgumentNullException.ThrowIfNull(jsonTypes);
        return new RefitSettings
        {
            ContentSerializer = new SystemTextJsonContentSerializer(new JsonSerializerOptions { TypeInfoResolver = jsonTypes }),
            Buffered = true,
            UrlResolution = UrlResolutionMode.Rfc3986,
        };
    }

    /// <summary>Creates a vendor's Refit interface over a client's pipeline.</summary>
    /// <typeparam name="TApi">The Refit interface.</typeparam>
    /// <param name="pipeline">The client's pipeline (its HttpClient carries the base address and the handlers).</param>
    /// <param name="settings">The vendor's settings from <see cref="CreateSettings"/>.</param>
    /// <returns>The source-generated implementation (no reflection: it throws if the interface was not generated).</returns>
    public static TApi For<TApi>(ChatApiPipeline pipeline, RefitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(settings);
        return RestService.ForGenerated<TApi>(pipeline.HttpClient, settings);
    }
}
