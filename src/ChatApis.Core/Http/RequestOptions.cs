using ChatApis.Safety;

namespace ChatApis.Http;

/// <summary>
/// Settings for one call, passed as the parameter before the <see cref="CancellationToken"/> of every client
/// method: an idempotency key (on endpoints whose vendor honours one), a timeout for this call, and extra
/// headers. Immutable once passed; one instance may be reused for many calls.
/// </summary>
public sealed class RequestOptions
{
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Host", "Content-Length", "Content-Type", "Transfer-Encoding", "Connection",
        "Accept-Encoding", "Idempotency-Key", "X-API-Key", "Cookie", "Proxy-Authorization", "Expect", "TE", "Upgrade",
    };

    private readonly string? _idempotencyKey;
    private readonly TimeSpan? _timeout;
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The idempotency key of this call (at most 255 visible ASCII characters). Only endpoints whose vendor
    /// honours one accept it (the client throws <see cref="ArgumentException"/> elsewhere); when it is not set
    /// such an endpoint still gets a new key per call, reused by every retry. Set your own to make a retry of
    /// your own (e.g. after a crash) replay instead of acting twice.
    /// </summary>
    /// <exception cref="ArgumentException">The key is empty, longer than 255 characters, or not visible ASCII.</exception>
    public string? IdempotencyKey
    {
        get => _idempotencyKey;
        init
        {
            if (value is not null)
            {
                if (value.Length is 0 or > 255 || value.Any(c => c is < '!' or > '~'))
                {
                    throw new ArgumentException("An idempotency key must be 1 to 255 visible ASCII characters.", nameof(IdempotencyKey));
                }
            }

            _idempotencyKey = value;
        }
    }

    /// <summary>
    /// The limit for this whole call with its retries and backoff waits, instead of the client's
    /// <see cref="ChatApiClientOptions.TotalTimeout"/> (10 ms to 24 h). Each attempt is still bounded by
    /// <see cref="ChatApiClientOptions.AttemptTimeout"/> as well.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The timeout is outside 10 ms to 24 h.</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        init
        {
            if (value is { } t && (t < TimeSpan.FromMilliseconds(10) || t > TimeSpan.FromHours(24)))
            {
                throw new ArgumentOutOfRangeException(nameof(Timeout), t, "A call's timeout must be between 10 ms and 24 hours.");
            }

            _timeout = value;
        }
    }

    /// <summary>Extra headers sent on every attempt of this call, e.g. a correlation id.</summary>
    public IReadOnlyDictionary<string, string> Headers => _headers;

    /// <summary>Adds a header sent on every attempt of this call.</summary>
    /// <param name="name">The header name (an HTTP token, not one the SDK owns such as <c>Authorization</c>).</param>
    /// <param name="value">The value: visible ASCII, spaces and tabs, at most 8192 characters.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException">The name is not a header name or is reserved, or the value cannot be one header value.</exception>
    public RequestOptions AddHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!HeaderValueRule.IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid HTTP header name.", nameof(name));
        }

        if (ReservedHeaders.Contains(name))
        {
            throw new ArgumentException($"The {name} header is set by the SDK and cannot be set per call.", nameof(name));
        }

        if (HeaderValueRule.Problem(value) is { } problem)
        {
            throw new ArgumentException($"The value of the {name} header {problem}.", nameof(value));
        }

        _headers[name] = value;
        return this;
    }
}
