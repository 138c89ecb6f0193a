using ChatApis.Http;

namespace ChatApis.Core.Tests.Support;

/// <summary>One <see cref="ApiOperation"/> per endpoint of <see cref="ITestApi"/>.</summary>
internal static class TestOperations
{
    public static readonly ApiOperation GetThing = new(HttpMethod.Get, TestPaths.Thing);

    /// <summary>A POST the vendor does not make idempotent: not retried once it may have reached the server.</summary>
    public static readonly ApiOperation CreateThing = new(HttpMethod.Post, TestPaths.Things);

    /// <summary>The same POST on a vendor that honours an idempotency key: one key per call, safe to retry.</summary>
    public static readonly ApiOperation CreateThingKeyed = new(HttpMethod.Post, TestPaths.Things) { AcceptsIdempotencyKey = true };

    public static readonly ApiOperation DeleteThing = new(HttpMethod.Delete, TestPaths.ThingById);

    public static readonly ApiOperation GetEncoded = new(HttpMethod.Get, TestPaths.Encoded);

    public static readonly ApiOperation ListItems = new(HttpMethod.Get, TestPaths.Items);

    public static readonly ApiOperation GetTimeline = new(HttpMethod.Get, TestPaths.Timeline);

    public static readonly ApiOperation GetSecure = new(HttpMethod.Get, TestPaths.Secure);

    public static readonly ApiOperation Ping = new(HttpMethod.Get, TestPaths.Ping);

    public static readonly ApiOperation RefreshToken = new(HttpMethod.Post, TestPaths.Token) { SkipAuthentication = true };
}
