namespace ChatApis.AspNetCore;

/// <summary>The outcome of <see cref="IWebhookVerifier.Verify"/>.</summary>
/// <param name="IsValid">Whether the delivery is authentic.</param>
/// <param name="FailureReason">Why not (for the log; never a secret), or <c>null</c> when valid.</param>
public readonly record struct WebhookVerificationResult(bool IsValid, string? FailureReason)
{
    /// <summary>An authentic delivery.</summary>
    public static WebhookVerificationResult Valid { get; } = new(true, null);

    /// <summary>A rejected delivery.</summary>
    /// <param name="reason">Why (never a secret).</param>
    /// <returns>The result.</returns>
    public static WebhookVerificationResult Invalid(string reason) => new(false, reason);
}
