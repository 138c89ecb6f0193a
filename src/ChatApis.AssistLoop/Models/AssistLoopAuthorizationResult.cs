using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.AssistLoop;

/// <summary>The answer to an authorization request: the one-time code to exchange, the echoed state and the approving user.</summary>
public sealed class AssistLoopAuthorizationResult : ApiModel
{
    /// <summary>Whether the authorization succeeded.</summary>
    [JsonPropertyName("success")]
    public bool Success { get; set; }

    /// <summary>The authorization code: exchange it with <see cref="AssistLoopClient.ExchangeCodeAsync"/>; never logged.</summary>
    [JsonPropertyName("code")]
    public string Code { get; set; } = "";

    /// <summary>The state echoed back (already checked against the one sent).</summary>
    [JsonPropertyName("state")]
    public string State { get; set; } = "";

    /// <summary>The user who approved.</summary>
    [JsonPropertyName("user")]
    public AssistLoopAuthorizedUser? User { get; set; }

    /// <summary>A description without the code.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"AuthorizationResult {{ Success = {Success}, Code = ***, User = {User?.Name} }}";
}
