using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChatApis.AspNetCore;

/// <summary>
/// Verifies deliveries signed as the Standard Webhooks specification (standardwebhooks.com) describes: headers
/// <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c> (a space-separated list
/// of <c>v1,&lt;base64 HMAC-SHA256&gt;</c>, several during a secret rotation), the HMAC taken over
/// <c>id.timestamp.body</c> with the secret's bytes (<c>whsec_</c> then base64), and a timestamp no further than the
/// tolerance from now. Signatures are compared in constant time.
/// </summary>
/// <remarks>
/// Off by default. This is the specification's scheme, not one any vendor of this SDK documents: AssistLoop's
/// subscription secret has the specification's <c>whsec_</c> format and its documents say the secret verifies
/// signatures, but they name no header or algorithm. Turn it on for an endpoint only once you have seen a
/// vendor's deliveries carry these headers; a delivery without them is rejected.
/// </remarks>
public sealed class StandardWebhooksVerifier : IWebhookVerifier
{
    /// <summary>The header with the message id.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The header with the Unix timestamp in seconds.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The header with the signatures.</summary>
    public const string SignatureHeader = "webhook-signature";

    /// <summary>The specification's secret prefix.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>How far a timestamp may be from now by default: 5 minutes, as the specification recommends.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const int MaxHeaderLength = 4096;
    private const int SignatureBytes = 32;

    private readonly byte[][] _keys;
    private readonly TimeProvider _time;
    private readonly TimeSpan _tolerance;

    /// <summary>Creates a verifier with one secret.</summary>
    /// <param name="secret">The signing secret, <c>whsec_</c> then base64 (the prefix may be left out).</param>
    /// <param name="timeProvider">The clock the timestamp is checked against; the system clock when <c>null</c>.</param>
    /// <param name="tolerance">How far the timestamp may be from now, either way (default 5 minutes).</param>
    public StandardWebhooksVerifier(string secret, TimeProvider? timeProvider = null, TimeSpan? tolerance = null)
        : this([secret], timeProvider, tolerance)
    {
    }

    /// <summary>Creates a verifier that accepts any of several secrets (during a rotation: the new one and the old one).</summary>
    /// <param name="secrets">The signing secrets, each <c>whsec_</c> then base64.</param>
    /// <param name="timeProvider">The clock the timestamp is checked against; the system clock when <c>null</c>.</param>
    /// <param name="tolerance">How far the timestamp may be from now, either way (default 5 minutes; 1 second to 1 hour).</param>
    /// <exception cref="ArgumentException">No secret, or a secret that is not base64 (the message never contains it).</exception>
    public StandardWebhooksVerifier(IEnumerable<string> secrets, TimeProvider? timeProvider = null, TimeSpan? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _keys = [.. secrets.Select(Key)];
        if (_keys.Length == 0)
        {
            throw new ArgumentException("secrets must hold at least one secret.", nameof(secrets));
        }

        _tolerance = tolerance ?? DefaultTolerance;
        if (_tolerance < TimeSpan.FromSeconds(1) || _tolerance > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), _tolerance, "tolerance must be between 1 second and 1 hour.");
        }

        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return Verify(headers[IdHeader].ToString(), headers[TimestampHeader].ToString(), headers[SignatureHeader].ToString(), body);
    }

    /// <summary>Verifies a delivery from its three header values and raw body.</summary>
    /// <param name="id">The <c>webhook-id</c> value.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c> value.</param>
    /// <param name="signatures">The <c>webhook-signature</c> value.</param>
    /// <param name="body">The raw body.</param>
    /// <returns>Whether it is authentic, and if not, why.</returns>
    public WebhookVerificationResult Verify(string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
        {
            return WebhookVerificationResult.Invalid("a Standard Webhooks header is missing");
        }

        if (id.Length > MaxHeaderLength || timestamp.Length > 20 || signatures.Length > MaxHeaderLength)
        {
            return WebhookVerificationResult.Invalid("a Standard Webhooks header is too long");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799)
        {
            return WebhookVerificationResult.Invalid("the timestamp is not Unix seconds");
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - seconds) > (long)_tolerance.TotalSeconds)
        {
            return WebhookVerificationResult.Invalid(seconds < now ? "the timestamp is too old" : "the timestamp is in the future");
        }

        var content = SignedContent(id, timestamp, body);
        var expected = _keys.Select(key => HMACSHA256.HashData(key, content)).ToArray();
        Span<byte> presented = stackalloc byte[SignatureBytes];
        var match = false;
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Other versions (e.g. the asymmetric v1a) are not ours to check: skipped, not failed.
            if (!entry.StartsWith("v1,", StringComparison.Ordinal)
                || !Convert.TryFromBase64String(entry[3..], presented, out var written)
                || written != SignatureBytes)
            {
                continue;
            }

            foreach (var signature in expected)
            {
                match |= CryptographicOperations.FixedTimeEquals(presented, signature);
            }
        }

        return match ? WebhookVerificationResult.Valid : WebhookVerificationResult.Invalid("no signature matches");
    }

    /// <summary>Signs a delivery with the first secret, as a sender following the specification would (for tests and senders).</summary>
    /// <param name="id">The message id.</param>
    /// <param name="timestamp">The send time (whole seconds are used).</param>
    /// <param name="body">The raw body.</param>
    /// <returns>The <c>webhook-signature</c> value, <c>v1,&lt;base64&gt;</c>.</returns>
    public string Sign(string id, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var content = SignedContent(id, timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), body);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(_keys[0], content));
    }

    /// <summary>Never shows a secret.</summary>
    /// <returns>The verifier's settings.</returns>
    public override string ToString() => $"Standard Webhooks verifier ({_keys.Length} secret(s), tolerance {_tolerance})";

    private static byte[] SignedContent(string id, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return content;
    }

    private static byte[] Key(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret, "secrets");
        var base64 = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        try
        {
            var key = Convert.FromBase64String(base64);
            return key.Length > 0 ? key : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new ArgumentException("A secret is not 'whsec_' followed by base64.", "secrets");
        }
    }
}
