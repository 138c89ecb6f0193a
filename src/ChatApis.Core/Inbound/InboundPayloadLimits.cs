namespace ChatApis;

/// <summary>
/// The limits every inbound payload parser of the SDK applies (e.g. <c>AssistLoopWebhookEvent.Parse</c> and
/// <c>ChattingTrigger.Parse</c>); a payload beyond them is a <see cref="ChatApiInvalidPayloadException"/>.
/// A webhook endpoint can refuse a larger body before reading it whole.
/// </summary>
public static class InboundPayloadLimits
{
    /// <summary>
    /// The largest payload accepted, in bytes of UTF-8 (1 MiB). The documented events are a few kilobytes
    /// even with a long customer message; anything near this size is not an event.
    /// </summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// The deepest nesting of JSON objects and arrays accepted (32). The documented events nest four levels;
    /// a deeper document is refused before it costs the receiver stack or time.
    /// </summary>
    public const int MaxDepth = 32;
}
