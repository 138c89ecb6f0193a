using ChatApis.Reliability.Tests.Support;
using ChatApis.Testing.AssistLoop;
using ChatApis.Testing.Chatting;
using ChatApis.Testing.Vertext;
using ChatApis.Testing.Zipchat;

namespace ChatApis.Reliability.Tests;

/// <summary>A non-parallel collection: xunit runs it after every parallel one, so it sees the whole suite.</summary>
[CollectionDefinition(nameof(SummaryCollection), DisableParallelization = true)]
public sealed class SummaryCollection;

/// <summary>The suite's last word: no credential leaked anywhere, and how many cases of each group passed.</summary>
[Collection(nameof(SummaryCollection))]
public class SummaryTests(ITestOutputHelper output)
{
    private static readonly (string Group, int Minimum)[] Minimums =
    [
        ("fault matrix: surface x fault x call", 200),
        ("no duplicates: Chatting dropped-response calls", 1000),
        ("no duplicates: ambiguous unkeyed writes", 12),
        ("rate limits: burst calls", 1500),
        ("oauth: concurrent callers on an expired token", 400),
        ("oauth: failing token endpoint", 4),
        ("oauth: connection dropped after refresh", 4),
        ("bad input: methods checked", 40),
        ("bad input: invalid-argument cases", 150),
        ("malformed payloads: models", 29),
        ("malformed payloads: documents served or parsed", 6000),

        // Issue 13: the holes an outside hostile run found, and the phases nothing tested before.
        ("bad input: hostile text refused before sending", 250),
        ("bad input: hostile text sent as one value", 180),
        ("cancellation: caller cancels in a phase", 30),
        ("content-encoding faults: typed", 22),
        ("deadlines: total deadline on the clock", 15),
        ("diagnostics: documented templates, no ids", 5),
        ("framing: malformed responses from a raw socket", 85),
        ("framing: smuggled responses", 10),
        ("inbound payloads: hostile payloads refused typed", 52),
        ("lifecycle: calls queued at a disposed client's rate limiter", 13),
        ("lifecycle: parallel calls over bounded connections", 400),
        ("oauth: 401 without a refresh token", 2),
        ("oauth: calls after invalid_grant", 20),
        ("oauth: failing token store", 8),
        ("oauth: hostile 200 token bodies", 54),
        ("pagination: messages walked under a strict or inclusive created_to", 94),
        ("rate limits: budgets tested", 3),
        ("redirects: not followed, second origin untouched", 47),
        ("retry hints: absurd values on a 429 or 5xx", 90),
        ("secrets: exceptions from an echoing server", 12),
        ("secrets: server-echoed credentials redacted", 15),
        ("telemetry: activities checked for credentials", 50),
        ("zipchat: bodies without their wrapped value refused", 16),
        ("zipchat: error bodies in the errors shape", 3),
    ];

    [Fact]
    public void No_secret_leaked_and_the_suite_did_not_shrink()
    {
        foreach (var secret in new[]
        {
            AssistLoopSimulator.AccessToken, AssistLoopSimulator.RefreshToken, AssistLoopSimulator.ClientSecret,
            ZipchatSimulator.ApiKey, ZipchatSimulator.OtherChatApiKey, ChattingSimulator.ApiKey, ChattingSimulator.NoSiteApiKey, VertextSimulator.AccessToken,

            // The webhook secret that the subscribe documents return (served to the client by the payload tests).
            "whsec_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6",
        })
        {
            SecretSink.Secret(secret);
        }

        // The secrets figures count as passed only when nothing leaked; the report is written either way.
        var leaks = SecretSink.Leaks();
        Counts.Started("secrets: credentials checked", SecretSink.SecretCount);
        Counts.Started("secrets: log lines and exception texts scanned", SecretSink.Observed);
        if (leaks.Count == 0)
        {
            Counts.Add("secrets: credentials checked", SecretSink.SecretCount);
            Counts.Add("secrets: log lines and exception texts scanned", SecretSink.Observed);
        }

        var report = Counts.Render(
        [
            "rate limits: Chatting and Vertext document no budget, so there is nothing to test there",
            "fault matrix surfaces: AssistLoop.Zapier, AssistLoop.Make, Zipchat, Chatting, Vertext",
        ]);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "reliability-counts.txt"), report);
        output.WriteLine(report);
        TestContext.Current.SendDiagnosticMessage(report);

        Assert.True(leaks.Count == 0, "Credentials leaked:\n" + string.Join("\n", leaks.Take(20)));
        Assert.True(SecretSink.LogLines > 0, "no log line was captured: the logger is not wired");
        var shrunk = Minimums.Where(m => Counts.Of(m.Group) < m.Minimum).Select(m => $"{m.Group}: {Counts.Of(m.Group)} < {m.Minimum}").ToList();
        Assert.True(shrunk.Count == 0, "The suite shrank:\n" + string.Join("\n", shrunk));
    }
}
