using System.Net;
using System.Text;
using ChatApis.AspNetCore.Tests.Support;
using ChatApis.AssistLoop;
using ChatApis.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatApis.AspNetCore.Tests;

/// <summary>The Standard Webhooks verifier against the specification's published test vector, and mutations of it.</summary>
public sealed class StandardWebhooksVerifierTests
{
    // The specification's test vector (standard-webhooks, "Signature scheme" and its reference libraries' tests).
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Body = "{\"test\": 2432232314}";
    private const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(Timestamp);

    private static StandardWebhooksVerifier Verifier(DateTimeOffset now, params string[] secrets) =>
        new(secrets.Length == 0 ? [Secret] : secrets, new ManualTimeProvider(now));

    private static WebhookVerificationResult Verify(StandardWebhooksVerifier verifier, string? id = MessageId, string? timestamp = null, string? signature = Signature, string body = Body) =>
        verifier.Verify(id, timestamp ?? Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), signature, Encoding.UTF8.GetBytes(body));

    [Fact]
    public void The_specification_test_vector_verifies_and_signs_to_the_published_signature()
    {
        var verifier = Verifier(SentAt);

        Assert.Equal(WebhookVerificationResult.Valid, Verify(verifier));
        Assert.Equal(Signature, verifier.Sign(MessageId, SentAt, Encoding.UTF8.GetBytes(Body)));
        Assert.Equal(Signature, new StandardWebhooksVerifier("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").Sign(MessageId, SentAt, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Headers_are_read_by_their_specification_names()
    {
        var headers = new HeaderDictionary
        {
            ["Webhook-Id"] = MessageId,
            ["Webhook-Timestamp"] = Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Webhook-Signature"] = Signature,
        };

        Assert.True(Verifier(SentAt).Verify(headers, Encoding.UTF8.GetBytes(Body)).IsValid);
    }

    [Fact]
    public void Any_flipped_byte_of_the_body_fails()
    {
        var verifier = Verifier(SentAt);
        var bytes = Encoding.UTF8.GetBytes(Body);
        for (var i = 0; i < bytes.Length; i++)
        {
            var flipped = (byte[])bytes.Clone();
            flipped[i] ^= 0x01;
            var result = verifier.Verify(MessageId, Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), Signature, flipped);
            Assert.Equal(WebhookVerificationResult.Invalid("no signature matches"), result);
        }
    }

    [Theory]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=")]
    [InlineData("v1,h0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1O")]
    [InlineData("v1,not base64!")]
    [InlineData("v1,")]
    public void A_changed_or_malformed_signature_fails(string signature) =>
        Assert.Equal(WebhookVerificationResult.Invalid("no signature matches"), Verify(Verifier(SentAt), signature: signature));

    [Fact]
    public void A_changed_id_or_timestamp_fails_because_both_are_signed()
    {
        var verifier = Verifier(SentAt);

        Assert.False(Verify(verifier, id: MessageId + "x").IsValid);
        Assert.False(Verify(verifier, timestamp: (Timestamp + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).IsValid);
    }

    [Fact]
    public void One_matching_signature_among_several_is_enough_for_a_rotation_on_the_sender_side()
    {
        var other = new StandardWebhooksVerifier("whsec_" + Convert.ToBase64String(new byte[24])).Sign(MessageId, SentAt, Encoding.UTF8.GetBytes(Body));

        Assert.True(Verify(Verifier(SentAt), signature: $"v1a,ignored {other} {Signature}").IsValid);
        Assert.True(Verify(Verifier(SentAt), signature: $"{Signature}  {other}").IsValid);
        Assert.False(Verify(Verifier(SentAt), signature: other).IsValid);
    }

    [Fact]
    public void A_rotated_secret_verifies_while_the_old_one_is_still_listed_and_fails_once_it_is_dropped()
    {
        var newSecret = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("a brand new signing secret!!"));

        Assert.True(Verify(Verifier(SentAt, newSecret, Secret)).IsValid);
        Assert.Equal(WebhookVerificationResult.Invalid("no signature matches"), Verify(Verifier(SentAt, newSecret)));

        var signedWithNew = Verifier(SentAt, newSecret).Sign(MessageId, SentAt, Encoding.UTF8.GetBytes(Body));
        Assert.True(Verify(Verifier(SentAt, newSecret, Secret), signature: signedWithNew).IsValid);
        Assert.False(Verify(Verifier(SentAt), signature: signedWithNew).IsValid);
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    [InlineData(-86400, false)]
    [InlineData(86400, false)]
    public void The_timestamp_must_be_within_five_minutes_of_now_either_way(int offsetSeconds, bool valid)
    {
        // The clock moves, not the message: a stale delivery is one whose timestamp is far behind now.
        var result = Verify(Verifier(SentAt.AddSeconds(-offsetSeconds)));

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(offsetSeconds < 0 ? "the timestamp is too old" : "the timestamp is in the future", result.FailureReason);
        }
    }

    [Theory]
    [InlineData(null, "1614265330", Signature)]
    [InlineData(MessageId, null, Signature)]
    [InlineData(MessageId, "1614265330", null)]
    [InlineData("", "1614265330", Signature)]
    public void A_missing_header_fails(string? id, string? timestamp, string? signature)
    {
        var result = Verifier(SentAt).Verify(id, timestamp, signature, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(WebhookVerificationResult.Invalid("a Standard Webhooks header is missing"), result);
    }

    [Theory]
    [InlineData("1614265330.5")]
    [InlineData("-1614265330")]
    [InlineData("1.6e9")]
    [InlineData("99999999999999999999")]
    public void A_timestamp_that_is_not_unix_seconds_fails(string timestamp) =>
        Assert.False(Verify(Verifier(SentAt), timestamp: timestamp).IsValid);

    [Fact]
    public void The_default_tolerance_is_five_minutes_and_the_secret_never_shows()
    {
        var verifier = new StandardWebhooksVerifier(Secret);

        Assert.Equal(TimeSpan.FromMinutes(5), StandardWebhooksVerifier.DefaultTolerance);
        Assert.DoesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", verifier.ToString(), StringComparison.Ordinal);
        var bad = Assert.Throws<ArgumentException>(() => new StandardWebhooksVerifier("whsec_not base64 secret!"));
        Assert.Equal("secrets", bad.ParamName);
        Assert.DoesNotContain("not base64 secret", bad.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new StandardWebhooksVerifier(Array.Empty<string>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StandardWebhooksVerifier(Secret, tolerance: TimeSpan.Zero));
    }

    [Fact]
    public async Task On_an_endpoint_the_verifier_turns_away_unsigned_and_missigned_deliveries_with_401()
    {
        var log = new HandlerLog();
        var clock = new ManualTimeProvider(SentAt);
        var verifier = new StandardWebhooksVerifier(Secret, clock);
        await using var app = await InboundApp.StartAsync(
            b => log.Register<AssistLoopWebhookEvent>(b),
            a => a.MapAssistLoopWebhooks("/hooks/signed/{token}", o =>
            {
                o.UrlToken = InboundApp.Token;
                o.Verifier = verifier;
            }),
            clock);
        var body = AssistLoopWebhookTests.Payload("evt_signed", "new_conversation");

        async Task<HttpResponseMessage> Post(string? signature)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"hooks/signed/{InboundApp.Token}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("webhook-id", "msg_1");
            request.Headers.Add("webhook-timestamp", Timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (signature is not null)
            {
                request.Headers.Add("webhook-signature", signature);
            }

            return await app.Http.SendAsync(request, TestContext.Current.CancellationToken);
        }

        using var unsigned = await Post(null);
        using var missigned = await Post(verifier.Sign("msg_2", SentAt, Encoding.UTF8.GetBytes(body)));
        using var signed = await Post(verifier.Sign("msg_1", SentAt, Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missigned.StatusCode);
        Assert.Contains("\"code\":\"invalid-signature\"", await missigned.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal("evt_signed", Assert.Single(log.Succeeded<AssistLoopWebhookEvent>()).Id);
        Assert.Contains(app.Logs.From("ChatApis.AspNetCore"), l => l.EndsWith("401 invalid-signature (no signature matches)", StringComparison.Ordinal));
    }
}
