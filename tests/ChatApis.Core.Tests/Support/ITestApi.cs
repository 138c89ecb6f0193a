using ChatApis.Http;
using Refit;

namespace ChatApis.Core.Tests.Support;

/// <summary>The path templates of <see cref="CoreSimulator"/>, shared by the Refit interface and the operations.</summary>
internal static class TestPaths
{
    public const string Thing = "thing";
    public const string Things = "things";
    public const string ThingById = "things/{id}";
    public const string Encoded = "encoded/{encoding}/{kind}";
    public const string Items = "items";
    public const string Timeline = "timeline";
    public const string Secure = "secure";
    public const string Ping = "ping";
    public const string Token = "/oauth/token";
}

/// <summary>The wire contract of <see cref="CoreSimulator"/>, declared the way a vendor package declares its own.</summary>
internal interface ITestApi
{
    [Get(TestPaths.Thing)]
    Task<HttpResponseMessage> GetThing(string? expand, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Post(TestPaths.Things)]
    Task<HttpResponseMessage> CreateThing([Body] NewThing body, [Header("Idempotency-Key")] string? idempotencyKey, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Delete(TestPaths.ThingById)]
    Task<HttpResponseMessage> DeleteThing(string id, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Get(TestPaths.Encoded)]
    Task<HttpResponseMessage> GetEncoded(string encoding, string kind, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Get(TestPaths.Items)]
    Task<HttpResponseMessage> ListItems(int? page, [AliasAs("per_page")] int? perPage, [AliasAs("base")] string? pageBase, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Get(TestPaths.Timeline)]
    Task<HttpResponseMessage> GetTimeline([AliasAs("per_page")] int perPage, [AliasAs("created_to")] string? createdTo, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Get(TestPaths.Secure)]
    Task<HttpResponseMessage> GetSecure([Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Get(TestPaths.Ping)]
    Task<HttpResponseMessage> Ping([Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);

    [Post(TestPaths.Token)]
    Task<HttpResponseMessage> RefreshToken([Body] RefreshRequest body, [Property(ApiCall.PropertyKey)] ApiCall call, CancellationToken cancellationToken);
}
