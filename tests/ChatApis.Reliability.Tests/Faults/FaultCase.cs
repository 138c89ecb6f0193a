using System.Globalization;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;

namespace ChatApis.Reliability.Tests.Faults;

/// <summary>What a case must end in: success (after at least some attempts) or a typed exception.</summary>
public sealed record Expectation(Type? Exception, int MinAttempts = 1, Action<Exception>? Check = null)
{
    public static Expectation Success(int minAttempts = 1) => new(null, minAttempts);

    public static Expectation Throws<T>(Action<T>? check = null)
        where T : ChatApiException => new(typeof(T), 1, check is null ? null : e => check((T)e));
}

/// <summary>One hostile thing the network or the server does, and what each kind of call must end in.</summary>
public sealed record FaultCase(
    string Name,
    Action<SimulatorHost, Surface, SurfaceCall> Arrange,
    Expectation WhenSafe,
    Expectation WhenUnsafe,
    bool Timing = false,
    bool Refused = false,
    long MaxResponseBytes = 16 * 1024 * 1024)
{
    private static void Unknown(ChatApiTransportException e)
    {
        Assert.True(e.RequestMayHaveReachedServer);
        Assert.Contains("outcome is unknown", e.Message, StringComparison.Ordinal);
    }

    private static void On(SimulatorHost sim, SurfaceCall call, Fault fault) => sim.Faults.On(call.Method, call.Path).Once(fault);

    private static Dictionary<string, string> Header(string name, string value) => new() { [name] = value };

    public static IReadOnlyList<FaultCase> All { get; } =
    [
        new("connection-refused", (_, _, _) => { },
            Expectation.Throws<ChatApiTransportException>(e => Assert.False(e.RequestMayHaveReachedServer)),
            Expectation.Throws<ChatApiTransportException>(e => Assert.False(e.RequestMayHaveReachedServer)),
            Refused: true),
        new("reset-before-response", (sim, _, call) => On(sim, call, Fault.Abort()),
            Expectation.Success(2), Expectation.Throws<ChatApiTransportException>(Unknown)),
        new("fin-mid-body", (sim, _, call) => On(sim, call, Fault.TruncateBody(7)),
            Expectation.Success(2), Expectation.Throws<ChatApiTransportException>(Unknown)),
        new("rst-mid-body", (sim, _, call) => On(sim, call, Fault.ResetBody(7)),
            Expectation.Success(2), Expectation.Throws<ChatApiTransportException>(Unknown)),
        new("no-response", (sim, _, call) => On(sim, call, Fault.Hang()),
            Expectation.Success(2), Expectation.Throws<ChatApiTransportException>(e => { Assert.True(e.IsTimeout); Unknown(e); }), Timing: true),
        new("body-1-byte-per-second", (sim, _, call) => On(sim, call, Fault.SlowBody(TimeSpan.FromSeconds(1))),
            Expectation.Success(2), Expectation.Throws<ChatApiTransportException>(e => { Assert.True(e.IsTimeout); Unknown(e); }), Timing: true),
        new("5xx-burst-then-success", (sim, s, call) => sim.Faults.On(call.Method, call.Path)
                .Then(Fault.Status(500, s.ErrorBody("server_error", "boom"))).Then(Fault.Status(503, s.ErrorBody("unavailable", "busy"))).Then(Fault.Status(504, s.ErrorBody("timeout", "slow"))),
            Expectation.Success(4), Expectation.Throws<ChatApiServerException>(e => Assert.Equal(500, (int)e.StatusCode!))),
        new("429-retry-after-seconds", (sim, s, call) => On(sim, call, Fault.Status(429, s.ErrorBody("rate_limited", "slow down"), headers: Header("Retry-After", "3"))),
            Expectation.Success(2), Expectation.Success(2)),
        new("429-retry-after-http-date", (sim, s, call) => On(sim, call, Fault.Status(429, s.ErrorBody("rate_limited", "slow down"),
                headers: Header("Retry-After", DateTimeOffset.UtcNow.AddSeconds(4).ToString("r", CultureInfo.InvariantCulture)))),
            Expectation.Success(2), Expectation.Success(2)),
        new("429-retry-after-ms", (sim, s, call) => On(sim, call, Fault.Status(429, s.ErrorBody("rate_limited", "slow down"), headers: Header("retry-after-ms", "2500"))),
            Expectation.Success(2), Expectation.Success(2)),
        new("429-ratelimit-reset-epoch", (sim, s, call) => On(sim, call, Fault.Status(429, s.ErrorBody("rate_limited", "slow down"),
                headers: new Dictionary<string, string> { ["X-RateLimit-Remaining"] = "0", ["X-RateLimit-Reset"] = DateTimeOffset.UtcNow.AddSeconds(5).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) })),
            Expectation.Success(2), Expectation.Success(2)),
        new("429-body-retry-after", (sim, _, call) => On(sim, call, Fault.Status(429, """{"message":"Too Many Attempts.","retry_after":2}"""))
            , Expectation.Success(2), Expectation.Success(2)),
        new("429-no-hint", (sim, s, call) => On(sim, call, Fault.Status(429, s.ErrorBody("rate_limited", "slow down"))),
            Expectation.Success(2), Expectation.Success(2)),
        new("malformed-json", (sim, _, call) => On(sim, call, Fault.ReplaceBody("{\"id\": tru, ]", "application/json")),
            Expectation.Throws<ChatApiInvalidResponseException>(), Expectation.Throws<ChatApiInvalidResponseException>()),
        new("truncated-json", (sim, _, call) => On(sim, call, Fault.ReplaceBody("[{\"id\": \"abc\", \"name\": \"Jo", "application/json")),
            Expectation.Throws<ChatApiInvalidResponseException>(), Expectation.Throws<ChatApiInvalidResponseException>()),
        new("html-502", (sim, _, call) => On(sim, call, Fault.Html(502)),
            Expectation.Success(2), Expectation.Throws<ChatApiServerException>(e => { Assert.Equal(502, (int)e.StatusCode!); Assert.DoesNotContain("<", e.Message, StringComparison.Ordinal); })),
        new("empty-body-on-200", (sim, _, call) => On(sim, call, Fault.ReplaceBody("", "application/json")),
            Expectation.Throws<ChatApiInvalidResponseException>(), Expectation.Throws<ChatApiInvalidResponseException>()),
        new("204-no-content", (sim, _, call) => On(sim, call, Fault.EmptyBody(204)),
            Expectation.Throws<ChatApiInvalidResponseException>(), Expectation.Throws<ChatApiInvalidResponseException>()),
        new("oversize-body", (sim, _, call) => On(sim, call, Fault.OversizeBody(300_000)),
            Expectation.Throws<ChatApiInvalidResponseException>(e => Assert.Contains("size limit", e.Message, StringComparison.Ordinal)),
            Expectation.Throws<ChatApiInvalidResponseException>(e => Assert.Contains("size limit", e.Message, StringComparison.Ordinal)),
            MaxResponseBytes: 64 * 1024),
        new("redirect-to-http", (sim, _, call) => On(sim, call, Fault.Redirect("http://attacker.example/steal")),
            Expectation.Throws<ChatApiInvalidResponseException>(e => Assert.Contains("not followed", e.Message, StringComparison.Ordinal)),
            Expectation.Throws<ChatApiInvalidResponseException>(e => Assert.Contains("not followed", e.Message, StringComparison.Ordinal))),
    ];

    public static FaultCase ByName(string name) => All.Single(f => f.Name == name);
}
