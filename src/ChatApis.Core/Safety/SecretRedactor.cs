using System.Text;
using System.Text.Json;

namespace ChatApis.Safety;

/// <summary>
/// The credentials one client holds (API key, access and refresh tokens, client secret, webhook
/// secrets), so that text a server sent back can be cleaned of them before it reaches an exception
/// message, a raw body or a log line: a server that echoes the key it rejected must not make the SDK
/// print it. Each occurrence becomes <see cref="Mask"/>. Thread-safe; reads take no lock.
/// </summary>
/// <remarks>
/// Credentials from the options are kept for the client's lifetime. Credentials learned while it runs
/// (an access or refresh token that rotates, the Authorization value an attempt carried, a webhook
/// secret a subscription returned) are kept too, the most recent <see cref="MaxLearned"/> of them, so a
/// token is still recognised after it was rotated away. Besides the verbatim text, the escaped forms a
/// server is likely to echo are recognised: JSON with escaped slashes (PHP's default), JSON with
/// .NET's default escaping, and percent-encoding.
/// </remarks>
public sealed class SecretRedactor
{
    /// <summary>What replaces each occurrence of a secret.</summary>
    public const string Mask = "[REDACTED]";

    /// <summary>How many learned (rotating) secrets are remembered.</summary>
    public const int MaxLearned = 64;

    // Shorter values are not credentials anyone could use, and masking them would mangle ordinary text.
    private const int MinimumLength = 4;

    private readonly Lock _gate = new();
    private readonly List<string> _kept = [];
    private readonly Queue<string> _learned = new();

    // Immutable snapshots, replaced under the lock and read without it.
    private volatile string[] _known = [];
    private volatile string[] _forms = [];

    /// <summary>Whether no secret is known yet.</summary>
    public bool IsEmpty => _known.Length == 0;

    /// <summary>Learns a credential in use (e.g. a token that rotates); <c>null</c>, empty and very short values are ignored.</summary>
    /// <param name="secret">The credential.</param>
    public void Add(string? secret) => Remember(secret, keep: false);

    /// <summary>Learns a credential that is redacted for the client's whole lifetime (one from its options).</summary>
    /// <param name="secret">The credential.</param>
    public void Keep(string? secret) => Remember(secret, keep: true);

    /// <summary>The text with every known secret replaced by <see cref="Mask"/>.</summary>
    /// <param name="text">Text that may hold a secret (a server's message, a raw body).</param>
    /// <returns>The redacted text; the same instance when it held no secret.</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Longest first, so a secret that contains another is masked whole.
        foreach (var form in _forms)
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                text = text.Replace(form, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>A UTF-8 body with every known secret replaced; the same array when it held none.</summary>
    /// <param name="utf8">The body bytes.</param>
    /// <returns>The redacted bytes.</returns>
    public byte[] RedactUtf8(byte[] utf8)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        if (utf8.Length == 0 || _forms.Length == 0)
        {
            return utf8;
        }

        var text = Encoding.UTF8.GetString(utf8);
        var redacted = Redact(text);
        return ReferenceEquals(text, redacted) ? utf8 : Encoding.UTF8.GetBytes(redacted);
    }

    private void Remember(string? secret, bool keep)
    {
        if (secret is null || secret.Length < MinimumLength || string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        // The hot case: an attempt's credential that is already known (usually the very same string).
        foreach (var known in _known)
        {
            if (ReferenceEquals(known, secret) || string.Equals(known, secret, StringComparison.Ordinal))
            {
                if (!keep)
                {
                    return;
                }

                break;
            }
        }

        lock (_gate)
        {
            if (_kept.Contains(secret, StringComparer.Ordinal))
            {
                return;
            }

            if (keep)
            {
                _kept.Add(secret);
            }
            else if (!_learned.Contains(secret, StringComparer.Ordinal))
            {
                _learned.Enqueue(secret);
                if (_learned.Count > MaxLearned)
                {
                    _learned.Dequeue();
                }
            }
            else
            {
                return;
            }

            string[] known = [.. _kept, .. _learned];
            _forms = [.. known.SelectMany(FormsOf).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length)];
            _known = known;
        }
    }

    // The ways a server may write the secret back: as is, inside JSON (escaped the PHP or the .NET
    // way), or percent-encoded (upper- and lower-case hex).
    private static IEnumerable<string> FormsOf(string secret)
    {
        yield return secret;
        yield return secret.Replace("/", "\\/", StringComparison.Ordinal);
        yield return JsonEncodedText.Encode(secret).ToString();
        var escaped = Uri.EscapeDataString(secret);
        yield return escaped;
        yield return LowerHex(escaped);
    }

    private static string LowerHex(string escaped)
    {
        var text = escaped.ToCharArray();
        for (var i = 0; i + 2 < text.Length; i++)
        {
            if (text[i] == '%')
            {
                text[i + 1] = char.ToLowerInvariant(text[i + 1]);
                text[i + 2] = char.ToLowerInvariant(text[i + 2]);
            }
        }

        return new string(text);
    }
}
