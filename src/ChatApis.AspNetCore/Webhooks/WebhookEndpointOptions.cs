namespace ChatApis.AspNetCore;

/// <summary>How one webhook endpoint (<c>MapAssistLoopWebhooks</c>, <c>MapChattingTriggers</c>, <c>MapVertextWebhooks</c>) checks deliveries.</summary>
public sealed class WebhookEndpointOptions
{
    /// <summary>The default <see cref="MaxBodyBytes"/>: 256 KiB (the vendors' payloads are a few KiB).</summary>
    public const int DefaultMaxBodyBytes = 256 * 1024;

    /// <summary>
    /// The secret token the target URL carries (from <see cref="WebhookUrlToken.Generate"/>): in the <c>{token}</c>
    /// route parameter when the pattern has one, else in the <c>token</c> query parameter. A delivery without it,
    /// or with another, gets 401 and never reaches a handler. Compared in constant time.
    /// </summary>
    public string? UrlToken { get; set; }

    /// <summary>Tokens still accepted while subscriptions move to a new <see cref="UrlToken"/> (a rotation).</summary>
    public IList<string> PreviousUrlTokens { get; } = [];

    /// <summary>
    /// An extra signature check, after the URL token (off by default): e.g. a <see cref="StandardWebhooksVerifier"/>
    /// for a sender known to sign that way. A delivery it rejects gets 401.
    /// </summary>
    public IWebhookVerifier? Verifier { get; set; }

    /// <summary>
    /// Set to accept deliveries without any URL token or verifier. Anyone who finds the URL can then make your
    /// handlers run: only for endpoints that something else protects (a private network, an authenticating proxy).
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>The largest body accepted (1 KiB to 16 MiB; default 256 KiB); larger gets 413.</summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>How long the whole body may take to arrive (100 ms to 5 minutes; default 10 s); slower gets 408, so a trickling sender cannot hold the endpoint.</summary>
    public TimeSpan BodyReadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The name handlers see in <see cref="InboundEventContext.EndpointName"/> and logs show (default: the route pattern). Tells accounts apart.</summary>
    public string? Name { get; set; }

    internal void EnsureValid(string pattern)
    {
        if (UrlToken is not null)
        {
            WebhookUrlToken.EnsureValid(UrlToken, nameof(UrlToken));
        }

        foreach (var previous in PreviousUrlTokens)
        {
            WebhookUrlToken.EnsureValid(previous, nameof(PreviousUrlTokens));
        }

        if (UrlToken is null && PreviousUrlTokens.Count > 0)
        {
            throw new ArgumentException("PreviousUrlTokens needs a UrlToken too (the token subscriptions move to).", nameof(PreviousUrlTokens));
        }

        if (UrlToken is null && Verifier is null && !AllowUnauthenticated)
        {
            throw new InvalidOperationException(
                $"The webhook endpoint '{pattern}' has no way to tell the vendor's deliveries from anyone else's: set UrlToken (see WebhookUrlToken.Generate), " +
                "or a Verifier, or AllowUnauthenticated = true if something else protects it.");
        }

        if (MaxBodyBytes is < 1024 or > 16 * 1024 * 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBodyBytes), MaxBodyBytes, "MaxBodyBytes must be between 1 KiB and 16 MiB.");
        }

        if (BodyReadTimeout < TimeSpan.FromMilliseconds(100) || BodyReadTimeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(BodyReadTimeout), BodyReadTimeout, "BodyReadTimeout must be between 100 ms and 5 minutes.");
        }
    }
}
