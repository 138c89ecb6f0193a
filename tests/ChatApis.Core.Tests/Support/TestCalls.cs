using System.Runtime.CompilerServices;
using ChatApis.Http;
using RefitSettings = Refit.RefitSettings;

namespace ChatApis.Core.Tests.Support;

/// <summary>
/// The calls of a test "client" over a pipeline, written the way a vendor client writes its methods: an
/// <see cref="ApiOperation"/>, the Refit method that puts it on the wire, and how the body is read.
/// </summary>
internal static class TestCalls
{
    private static readonly RefitSettings Settings = ChatApiRefit.CreateSettings(TestJsonContext.Default);
    private static readonly ConditionalWeakTable<ChatApiPipeline, ITestApi> Apis = [];

    public static ResponseParser<string> Text { get; } = static async (content, ct) => await content.ReadAsStringAsync(ct);

    public static ITestApi Api(this ChatApiPipeline pipeline) => Apis.GetValue(pipeline, static p => ChatApiRefit.For<ITestApi>(p, Settings));

    public static Task<ApiResponse<Thing>> GetThingAsync(this ChatApiPipeline pipeline, CancellationToken cancellationToken) =>
        pipeline.GetThingAsync(null, null, cancellationToken);

    public static Task<ApiResponse<Thing>> GetThingAsync(this ChatApiPipeline pipeline, string? expand, RequestOptions? options, CancellationToken cancellationToken)
    {
        var api = pipeline.Api();
        return pipeline.SendAsync(TestOperations.GetThing, (call, ct) => api.GetThing(expand, call, ct), TestJsonContext.Default.Thing, options, cancellationToken);
    }

    public static Task<ApiResponse<string>> GetThingTextAsync(this ChatApiPipeline pipeline, CancellationToken cancellationToken)
    {
        var api = pipeline.Api();
        return pipeline.SendAsync(TestOperations.GetThing, (call, ct) => api.GetThing(null, call, ct), Text, null, cancellationToken);
    }

    /// <summary>POST things (keyless: the vendor takes no idempotency key).</summary>
    public static Task<ApiResponse<Thing>> CreateThingAsync(this ChatApiPipeline pipeline, string name, CancellationToken cancellationToken) =>
        pipeline.CreateThingAsync(TestOperations.CreateThing, name, null, cancellationToken);

    /// <summary>POST things on the operation that takes an idempotency key.</summary>
    public static Task<ApiResponse<Thing>> CreateThingKeyedAsync(this ChatApiPipeline pipeline, string name, RequestOptions? options, CancellationToken cancellationToken) =>
        pipeline.CreateThingAsync(TestOperations.CreateThingKeyed, name, options, cancellationToken);

    public static Task<ApiResponse<Thing>> CreateThingAsync(this ChatApiPipeline pipeline, ApiOperation operation, string name, RequestOptions? options, CancellationToken cancellationToken)
    {
        var api = pipeline.Api();
        var body = new NewThing { Name = name };
        return pipeline.SendAsync(operation, (call, ct) => api.CreateThing(body, call.IdempotencyKey, call, ct), TestJsonContext.Default.Thing, options, cancellationToken);
    }

    public static Task<ApiResponse> DeleteThingAsync(this ChatApiPipeline pipeline, string id, CancellationToken cancellationToken)
    {
        var api = pipeline.Api();
        return pipeline.SendAsync(TestOperations.DeleteThing, (call, ct) => api.DeleteThing(id, call, ct), null, cancellationToken);
    }

    public static Task<ApiResponse<Thing>> GetEncodedAsync(this ChatApiPipeline pipeline, string encoding, string kind, CancellationToken cancellationToken)
    {
        var api = pipeline.Api();
        return pipeline.SendAsync(TestOperations.GetEncoded, (call, ct) => api.GetEncoded(encoding, kind, call, ct), TestJsonContext.Default.Thing, null, cancellationToken);
    }

    public static Task<ApiResponse<string>> GetEncodedTextAsync(this ChatApiPipeline pipeline, string encoding, string kind, CancellationToken cancellationToken)
    {
        var api = pipeline.Api();
        return pipeline.SendAsync(TestOperations.GetEncoded, (call, ct) => api.GetEncoded(encoding, kind, call, ct), Text, null, cancellationToken);
    }

    public static Task<ApiResponse<IReadOnlyList<Thing>>> ListItemsAsync(this ChatApiPipeline pipeline, int page, int perPage, bool zeroBased, CancellationToken cancellationToken)
    {
        var api = pipeline.Api();
        return pipeline.SendAsync(TestOperations.ListItems, (call, ct) => api.ListItems(page, perPage, zeroBased ? "0" : null, call, ct), TestJsonContext.Default.IReadOnlyListThing, null, cancellationToken);
    }

    public static Task<ApiResponse<IReadOnlyList<TimelineItem>>> GetTimelineAsync(this ChatApiPipeline pipeline, int perPage, DateTimeOffset? createdTo, CancellationToken cancellationToken)
    {
        var api = pipeline.Api();
        var to = WireFormat.Iso8601(createdTo);
        return pipeline.SendAsync(TestOperations.GetTimeline, (call, ct) => api.GetTimeline(perPage, to, call, ct), TestJsonContext.Default.IReadOnlyListTimelineItem, null, cancellationToken);
    }

    public static Task<ApiResponse<Thing>> GetSecureAsync(this ChatApiPipeline pipeline, CancellationToken cancellationToken)
    {
        var api = pipeline.Api();
        return pipeline.SendAsync(TestOperations.GetSecure, (call, ct) => api.GetSecure(call, ct), TestJsonContext.Default.Thing, null, cancellationToken);
    }

    public static Task<ApiResponse> PingAsync(this ChatApiPipeline pipeline, CancellationToken cancellationToken)
    {
        var api = pipeline.Api();
        return pipeline.SendAsync(TestOperations.Ping, (call, ct) => api.Ping(call, ct), null, cancellationToken);
    }

    public static Task<ApiResponse<TokenResponse>> RefreshTokenAsync(this ChatApiPipeline pipeline, string refreshToken, CancellationToken cancellationToken)
    {
        var api = pipeline.Api();
        var body = new RefreshRequest { RefreshToken = refreshToken };
        return pipeline.SendAsync(TestOperations.RefreshToken, (call, ct) => api.RefreshToken(body, call, ct), TestJsonContext.Default.TokenResponse, null, cancellationToken);
    }
}
