namespace ChatApis;

/// <summary>
/// An inbound payload (a webhook delivery or a trigger body that arrived at your endpoint) could not be
/// read: it is not JSON, not a JSON object, over the size or nesting limits of
/// <see cref="InboundPayloadLimits"/>, not valid UTF-8, or lacks what every event must carry (such as a
/// non-empty event name). A receiver should answer such a request with 400 and not retry it.
/// </summary>
/// <remarks>
/// This is not a <see cref="ChatApiException"/>: nothing was sent to a vendor and no response came back;
/// the data came from outside. It derives from <see cref="FormatException"/>, the .NET type for input in
/// the wrong format. Neither the message nor any property holds the payload itself, only where and why it
/// failed.
/// </remarks>
public sealed class ChatApiInvalidPayloadException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="vendor">The vendor whose payload it claims to be, e.g. "AssistLoop".</param>
    /// <param name="reason">Why it was refused, e.g. "the event name is missing or empty"; never the payload's content.</param>
    /// <param name="jsonPath">Where in the JSON it failed, e.g. <c>$.event</c>, when known.</param>
    /// <param name="innerException">The underlying error, e.g. a <see cref="System.Text.Json.JsonException"/>.</param>
    public ChatApiInvalidPayloadException(string vendor, string reason, string? jsonPath = null, Exception? innerException = null)
        : base(Describe(vendor, reason, jsonPath), innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(vendor);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        Vendor = vendor;
        Reason = reason;
        JsonPath = jsonPath;
    }

    /// <summary>The vendor whose payload it claims to be, e.g. "AssistLoop" or "Chatting".</summary>
    public string Vendor { get; }

    /// <summary>Why the payload was refused (without the payload's content).</summary>
    public string Reason { get; }

    /// <summary>
    /// The JSON path where reading failed (e.g. <c>$.event</c> or <c>$.data.conversation</c>), or <c>null</c>
    /// when there is none: the payload was refused before it was read as JSON (size, encoding), or it is not
    /// JSON at all (then <see cref="Reason"/> gives the line and byte).
    /// </summary>
    public string? JsonPath { get; }

    private static string Describe(string vendor, string reason, string? jsonPath) =>
        jsonPath is null
            ? $"The {vendor} payload is invalid: {reason}"
            : $"The {vendor} payload is invalid at {jsonPath}: {reason}";
}
