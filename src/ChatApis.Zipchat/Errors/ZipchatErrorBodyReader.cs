namespace ChatApis.Zipchat;

/// <summary>
/// Reads Zipchat's error bodies, whose shape is not public: <c>{"error": "..."}</c>, <c>{"message": "..."}</c>
/// or plain text. The text becomes the message and a stable code from <see cref="ZipchatErrorCodes"/>
/// becomes the error code (from the documented texts, otherwise from the status: 404 → not_found,
/// 422 → invalid_parameter).
/// </summary>
internal sealed class ZipchatErrorBodyReader : ErrorBodyReader
{
    public ZipchatErrorBodyReader()
        : base(codeProperty: "error", messageProperty: "message", retryAfterProperty: null)
    {
    }

    public override ErrorBody Read(int statusCode, string? mediaType, ReadOnlySpan<byte> body)
    {
        var parsed = base.Read(statusCode, mediaType, body);

        // The base reader puts "error" in ErrorCode; for Zipchat both properties hold prose.
        var text = parsed.Message ?? parsed.ErrorCode;
        var code = ZipchatErrorCodes.FromText(parsed.ErrorCode) ?? ZipchatErrorCodes.FromText(parsed.Message) ?? statusCode switch
        {
            404 => ZipchatErrorCodes.NotFound,
            422 => ZipchatErrorCodes.InvalidParameter,
            _ => null,
        };
        return new ErrorBody(code, text, null);
    }
}
