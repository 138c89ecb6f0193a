using ChatApis.Safety;

namespace ChatApis.Http;

/// <summary>
/// Settings every vendor client shares: where to send requests, how to retry, how long to wait.
/// Vendor options derive from this and add their credentials.
/// </summary>
public class ChatApiClientOptions
{
    /// <summary>
    /// Overrides the vendor's production address (e.g. a simulator's). Must be HTTPS, except for a
    /// loopback address. <c>null</c> means the vendor's documented base address.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How many times a failed call is retried when that is safe (0 to 10; default 3).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; each retry doubles it, with ±20% jitter (default 0.5 s).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest computed backoff delay (default 30 s).</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest wait the SDK accepts from a server's Retry-After / reset hint (default 60 s). A
    /// longer hint fails at once with a <see cref="ChatApiRateLimitException"/> carrying the hint.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The limit for one attempt, headers and body included (default 30 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The limit for a whole call with its retries and backoff waits (default 120 s). Time spent
    /// queued behind the client-side rate limiter before the first attempt does not count.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>The largest response body accepted, in bytes (default 16 MiB).</summary>
    public long MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Whether requests queue client-side within the vendor's documented budgets (default true).</summary>
    public bool EnableRateLimiting { get; set; } = true;

    /// <summary>
    /// The credentials this client uses, redacted from every error text. It lives with the options because
    /// the options are what every part of one client shares (its pipeline, an OAuth token endpoint), so a
    /// token learned by one part is redacted by all. Not a setting: configuration binding never sees it.
    /// </summary>
    internal SecretRedactor Secrets { get; } = new();

    /// <summary>The credentials in these options (keys, tokens, client secrets), for <see cref="Secrets"/>.</summary>
    /// <returns>The credential values; <c>null</c> entries are skipped.</returns>
    protected internal virtual IEnumerable<string?> Credentials() => [];

    /// <summary>The handler given to <see cref="UseHttpMessageHandler"/>, if any (internal: configuration binding must never see it).</summary>
    internal HttpMessageHandler? HttpMessageHandler { get; private set; }

    /// <summary>
    /// For a client created with <c>new</c> (no dependency injection): sends its requests through
    /// <paramref name="handler"/> instead of the SDK's own connection pool, e.g. an <see cref="HttpClientHandler"/>
    /// with a proxy or client certificate, or a test's handler. The client never disposes it: it stays yours.
    /// Under dependency injection, use the <c>IHttpClientBuilder</c> that <c>AddXxxClient</c> returns
    /// (<c>ConfigurePrimaryHttpMessageHandler</c>) instead.
    /// </summary>
    /// <param name="handler">The handler; it stays yours to dispose.</param>
    /// <returns>These options.</returns>
    public ChatApiClientOptions UseHttpMessageHandler(HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        HttpMessageHandler = handler;
        return this;
    }

    /// <summary>The rate-limit budget shared with other processes, given to <see cref="UseSharedRateLimiter"/> (internal: configuration binding must never see it).</summary>
    internal RateLimiting.ISharedRateLimiter? SharedRateLimiter { get; private set; }

    /// <summary>
    /// Draws every request from a budget shared with the other processes that use the same connected account
    /// (e.g. ChatApis.Redis), in addition to this client's in-process limiter: the vendors' budgets are per
    /// account, so several replicas must share one. When the shared budget cannot be reached, the client applies
    /// its in-process limit alone and logs a warning.
    /// </summary>
    /// <param name="limiter">The shared budget.</param>
    /// <returns>These options.</returns>
    public ChatApiClientOptions UseSharedRateLimiter(RateLimiting.ISharedRateLimiter limiter)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        SharedRateLimiter = limiter;
        return this;
    }

    /// <summary>
    /// Your application's product token, appended to the SDK's <c>User-Agent</c>
    /// (<c>ChatApis.&lt;Vendor&gt;/&lt;version&gt; (.NET &lt;version&gt;) &lt;yours&gt;</c>), e.g. <c>"SupportBridge/2.1"</c>.
    /// Visible ASCII and spaces, at most 200 characters.
    /// </summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// The most connections the client opens to the vendor's server at a time (1 to 1024; default
    /// <see cref="DependencyInjection.ChatApiHttp.DefaultMaxConnectionsPerServer"/>, 16); further requests wait
    /// for a free connection. The vendors' budgets (60 or 120 requests a minute) need no more.
    /// </summary>
    public int MaxConnectionsPerServer { get; set; } = DependencyInjection.ChatApiHttp.DefaultMaxConnectionsPerServer;

    /// <summary>Checks the options; vendor options add their own checks.</summary>
    /// <returns>One message per problem; empty when the options are valid.</returns>
    public virtual IEnumerable<string> Validate()
    {
        if (BaseAddress is not null && !BaseAddressPolicy.IsAllowed(BaseAddress, out var why))
        {
            yield return $"{nameof(BaseAddress)}: {why}";
        }

        if (MaxRetries is < 0 or > 10)
        {
            yield return $"{nameof(MaxRetries)} must be between 0 and 10 (was {MaxRetries}).";
        }

        foreach (var (name, value, min, max) in new[]
        {
            (nameof(RetryBaseDelay), RetryBaseDelay, TimeSpan.Zero, TimeSpan.FromMinutes(5)),
            (nameof(RetryMaxDelay), RetryMaxDelay, TimeSpan.Zero, TimeSpan.FromMinutes(10)),
            (nameof(MaxRetryAfter), MaxRetryAfter, TimeSpan.Zero, TimeSpan.FromHours(1)),
            (nameof(AttemptTimeout), AttemptTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(24)),
            (nameof(TotalTimeout), TotalTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(24)),
        })
        {
            if (value < min || value > max)
            {
                yield return $"{name} must be between {min} and {max} (was {value}).";
            }
        }

        if (MaxResponseBytes < 1024)
        {
            yield return $"{nameof(MaxResponseBytes)} must be at least 1024 (was {MaxResponseBytes}).";
        }

        if (UserAgent is not null && (UserAgent.Length is 0 or > 200 || UserAgent.Any(c => c is < ' ' or > '~')))
        {
            yield return $"{nameof(UserAgent)} must be 1 to 200 visible ASCII characters or spaces.";
        }

        if (MaxConnectionsPerServer is < 1 or > 1024)
        {
            yield return $"{nameof(MaxConnectionsPerServer)} must be between 1 and 1024 (was {MaxConnectionsPerServer}).";
        }
    }

    /// <summary>Throws when <see cref="Validate"/> reports a problem.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public void EnsureValid()
    {
        var problems = Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {GetType().Name}: {string.Join(" ", problems)}", "options");
        }
    }
}
