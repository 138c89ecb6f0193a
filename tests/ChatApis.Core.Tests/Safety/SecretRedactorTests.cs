using System.Text;
using ChatApis.Safety;

namespace ChatApis.Core.Tests.Safety;

public class SecretRedactorTests
{
    private const string Key = "sk_live_abc/def+ghi=";

    [Fact]
    public void Every_occurrence_is_masked_and_text_without_a_secret_is_returned_as_is()
    {
        var redactor = new SecretRedactor();
        redactor.Keep(Key);
        var clean = "nothing to see";

        Assert.Equal("key [REDACTED] and again [REDACTED].", redactor.Redact($"key {Key} and again {Key}."));
        Assert.Same(clean, redactor.Redact(clean));
        Assert.Null(redactor.Redact(null));
    }

    [Theory]
    [InlineData("sk_live_abc\\/def+ghi=")] // PHP's json_encode escapes slashes
    [InlineData("sk_live_abc/def\\u002Bghi=")] // .NET's default JSON escaping
    [InlineData("sk_live_abc%2Fdef%2Bghi%3D")] // percent-encoded, upper-case hex
    [InlineData("sk_live_abc%2fdef%2bghi%3d")] // percent-encoded, lower-case hex
    public void The_escaped_forms_a_server_may_echo_are_masked_too(string echoed)
    {
        var redactor = new SecretRedactor();
        redactor.Keep(Key);

        Assert.Equal("""{"error":"bad key [REDACTED]"}""", redactor.Redact($$"""{"error":"bad key {{echoed}}"}"""));
    }

    [Fact]
    public void A_secret_that_contains_another_is_masked_whole()
    {
        var redactor = new SecretRedactor();
        redactor.Keep("token-1");
        redactor.Add("token-1-rotated");

        Assert.Equal("[REDACTED] [REDACTED]", redactor.Redact("token-1-rotated token-1"));
    }

    [Fact]
    public void Learned_secrets_are_bounded_but_kept_ones_never_leave()
    {
        var redactor = new SecretRedactor();
        redactor.Keep("client-secret-1");
        for (var i = 0; i < SecretRedactor.MaxLearned + 10; i++)
        {
            redactor.Add($"rotated-token-{i:D4}");
        }

        Assert.Equal("[REDACTED]", redactor.Redact("client-secret-1"));
        Assert.Equal("[REDACTED]", redactor.Redact($"rotated-token-{SecretRedactor.MaxLearned + 9:D4}"));
        Assert.Equal("rotated-token-0000", redactor.Redact("rotated-token-0000"));
    }

    [Fact]
    public void Null_empty_and_very_short_values_are_not_secrets()
    {
        var redactor = new SecretRedactor();
        redactor.Add(null);
        redactor.Add("");
        redactor.Add("   ");
        redactor.Keep("abc");

        Assert.True(redactor.IsEmpty);
        Assert.Equal("abc", redactor.Redact("abc"));
    }

    [Fact]
    public void A_utf8_body_is_redacted_and_returned_unchanged_when_it_holds_no_secret()
    {
        var redactor = new SecretRedactor();
        redactor.Add(Key);
        var clean = "plain"u8.ToArray();

        Assert.Same(clean, redactor.RedactUtf8(clean));
        Assert.Equal("é [REDACTED]", Encoding.UTF8.GetString(redactor.RedactUtf8(Encoding.UTF8.GetBytes($"é {Key}"))));
    }

    [Fact]
    public async Task Concurrent_learning_and_redacting_never_fails()
    {
        var redactor = new SecretRedactor();
        // 8 x 7 learned tokens stay under MaxLearned, so none is evicted while another thread checks it.
        var tasks = Enumerable.Range(0, 8).Select(n => Task.Run(() =>
        {
            for (var i = 0; i < 7; i++)
            {
                redactor.Add($"token-{n}-{i}");
                Assert.Equal("[REDACTED]", redactor.Redact($"token-{n}-{i}"));
            }
        }, TestContext.Current.CancellationToken));

        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }
}
