using ChatApis.AssistLoop;
using ChatApis.Testing.AssistLoop;
using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing;

namespace ChatApis.Reliability.Tests.Redirects;

/// <summary>
/// A redirect to a second, live origin is never followed: the second origin accepts no connection at
/// all (so no Authorization or X-API-Key can reach it), and the call ends in the error the README
/// documents for a redirect, <see cref="ChatApiInvalidResponseException"/>, naming the redirect.
/// </summary>
public class UnfollowedRedirectTests
{
    private const string Group = "redirects: not followed, second origin untouched";

    public static TheoryData<string, int, string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, int, string, string>();
            foreach (var surface in Surfaces.All)
            {
                foreach (var status in new[] { 301, 302, 307, 308 })
                {
                    data.Add(surface.Name, status, "read", "absolute");
                    data.Add(surface.Name, status, "write", "absolute");
                }

                // "//host:port/path" names another origin without a scheme.
                data.Add(surface.Name, 307, "read", "scheme-relative");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_redirect_to_a_live_second_origin_is_not_followed_and_the_second_origin_gets_no_connection(string surfaceName, int status, string which, string form)
    {
        var surface = Surfaces.ByName(surfaceName);
        var call = surface.Call(which);
        await using var elsewhere = new RawHttpServer(AnswerEverythingAsync);
        var target = new Uri(elsewhere.BaseAddress, call.Path);
        var location = form == "absolute" ? target.AbsoluteUri : $"//{target.Authority}{target.PathAndQuery}";
        await using var sim = surface.CreateSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        sim.Faults.On(call.Method, call.Path).Once(Fault.Redirect(location, status));
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
        using var client = surface.CreateClient(surface.ApiBase(sim), new ClientSettings { Time = clock });

        var (_, error) = await Bounded.RunAsync(() => call.Invoke(client, CancellationToken.None));

        var invalid = Assert.IsType<ChatApiInvalidResponseException>(error, exactMatch: false);
        Assert.Equal(status, (int?)invalid.StatusCode);
        Assert.Contains($"a redirect to http://{target.Authority} was not followed", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(0, elsewhere.Accepted);
        Assert.Empty(elsewhere.Requests);

        // One request, to the first origin only, carrying the client's credential: what stayed home.
        var sent = Assert.Single(sim.Journal.Requests);
        Assert.Equal((call.Method, call.Path), (sent.Method, sent.Path));
        Assert.True(sent.Headers.ContainsKey("Authorization") || sent.Headers.ContainsKey("X-API-Key"), "the request carried no credential, so the case proves nothing");
        foreach (var secret in surface.Secrets)
        {
            Assert.DoesNotContain(secret, invalid.ToString(), StringComparison.Ordinal);
        }

        Counts.Add(Group);
    }

    public static TheoryData<string> OAuthSurfaces => [Surfaces.AssistLoopZapier.Name, Surfaces.AssistLoopMake.Name];

    [Theory]
    [MemberData(nameof(OAuthSurfaces))]
    public async Task A_token_endpoint_redirect_is_not_followed_so_the_refresh_token_and_client_secret_stay_home(string surfaceName)
    {
        var surface = (Surfaces.AssistLoopSurfaceDefinition)Surfaces.ByName(surfaceName);
        await using var elsewhere = new RawHttpServer(AnswerEverythingAsync);
        await using var sim = surface.CreateSimulator();
        await sim.StartAsync(TestContext.Current.CancellationToken);
        sim.Faults.On("POST", "/oauth/token").Always(Fault.Redirect(new Uri(elsewhere.BaseAddress, "oauth/token").AbsoluteUri, 307));
        var clock = new ManualTimeProvider { AutoAdvanceLimit = TimeSpan.FromMinutes(1) };
        var options = surface.Options(surface.ApiBase(sim), new ClientSettings { Time = clock });
        options.AccessTokenExpiresAt = clock.GetUtcNow().AddMinutes(-1);
        using var client = new AssistLoopClient(options, clock, SecretSink.LoggerFactory);

        var (_, error) = await Bounded.RunAsync(() => surface.Read.Invoke(client, CancellationToken.None));

        var invalid = Assert.IsType<ChatApiInvalidResponseException>(error, exactMatch: false);
        Assert.Equal(307, (int?)invalid.StatusCode);
        Assert.Contains("was not followed", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(0, elsewhere.Accepted);

        // The refresh grant went to the token endpoint once (a grant is never repeated); the API call never went out.
        var grant = Assert.Single(sim.Journal.Requests);
        Assert.Equal(("POST", "/oauth/token"), (grant.Method, grant.Path));
        Assert.Contains(AssistLoopSimulator.ClientSecret, grant.Body, StringComparison.Ordinal);
        foreach (var secret in surface.Secrets)
        {
            Assert.DoesNotContain(secret, invalid.ToString(), StringComparison.Ordinal);
        }

        Counts.Add(Group);
    }

    // Were a client to follow, it would get a plausible answer here; the count of accepted sockets is what the cases assert.
    private static async Task AnswerEverythingAsync(RawHttpConnection c)
    {
        while (await c.ReadRequestAsync() is not null)
        {
            await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
        }
    }
}
