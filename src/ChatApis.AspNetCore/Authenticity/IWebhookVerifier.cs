using Microsoft.AspNetCore.Http;

namespace ChatApis.AspNetCore;

/// <summary>
/// Checks a delivery's signature before it reaches a handler (see <see cref="WebhookEndpointOptions.Verifier"/>).
/// None is used by default: AssistLoop documents no signature scheme and Chatting signs nothing.
/// </summary>
public interface IWebhookVerifier
{
    /// <summary>Verifies a delivery.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw body, exactly as received.</param>
    /// <returns>Whether it is authentic, and if not, why (for the log; never a secret).</returns>
    WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body);
}
