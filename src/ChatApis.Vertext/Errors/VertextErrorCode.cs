using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Vertext;

/// <summary>
/// The error code of a failed Vertext call, read from <see cref="ChatApiException.ErrorCode"/> with
/// <see cref="VertextErrorCodeExtensions.GetVertextErrorCode"/>. Vertext's error bodies are plain text with no
/// code, so these are the codes the client sets for the two failures its documents distinguish by status
/// alone. Open: a code this release does not know is kept as it is.
/// </summary>
/// <param name="Value">The code.</param>
[JsonConverter(typeof(OpenEnumConverter<VertextErrorCode>))]
public readonly record struct VertextErrorCode(string Value) : IOpenEnum<VertextErrorCode>
{
    /// <summary>400 (<see cref="ChatApiAuthenticationException"/>): the request had no usable <c>Authorization</c> header.</summary>
    public static VertextErrorCode AuthorizationMissing { get; } = new("authorization_missing");

    /// <summary>401 (<see cref="ChatApiAuthenticationException"/>): the access token is expired or invalid.</summary>
    public static VertextErrorCode TokenInvalid { get; } = new("token_invalid");

    /// <inheritdoc />
    public static IReadOnlyList<VertextErrorCode> KnownValues { get; } = [AuthorizationMissing, TokenInvalid];

    /// <inheritdoc />
    public static VertextErrorCode FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
