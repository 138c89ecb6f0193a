using System.Net;
using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Zipchat;

/// <summary>
/// A Zipchat error code, read from a failed call with <see cref="ZipchatErrorCodeExtensions.GetZipchatErrorCode"/>.
/// Zipchat answers errors with a message text only; the client recognises the documented texts and gives each
/// one of these stable codes (the vendor's own text stays in the exception's message), so callers can tell the
/// cases apart without comparing messages. Open: a code this release does not know is kept as it is.
/// </summary>
/// <param name="Value">The code as <see cref="ChatApiException.ErrorCode"/> holds it.</param>
[JsonConverter(typeof(OpenEnumConverter<ZipchatErrorCode>))]
public readonly record struct ZipchatErrorCode(string Value) : IOpenEnum<ZipchatErrorCode>
{
    /// <summary>422: the assignment body had no <c>assignee_id</c> ("assignee_id is required (use null to assign to AI)").</summary>
    public static ZipchatErrorCode AssigneeIdRequired { get; } = new("assignee_id_required");

    /// <summary>422: the assignee is not the chat owner or a participant ("assignee_id is not an assignable user for this chat").</summary>
    public static ZipchatErrorCode AssigneeNotAssignable { get; } = new("assignee_not_assignable");

    /// <summary>422: the manual message was empty or missing ("message is required").</summary>
    public static ZipchatErrorCode MessageRequired { get; } = new("message_required");

    /// <summary>422: the manual message had no sender ("sender_id is required").</summary>
    public static ZipchatErrorCode SenderIdRequired { get; } = new("sender_id_required");

    /// <summary>422: the sender is not the chat owner or a participant ("sender_id is not an assignable user for this chat").</summary>
    public static ZipchatErrorCode SenderNotAssignable { get; } = new("sender_not_assignable");

    /// <summary>422: the conversation is still answered by the AI; take it over first ("Conversation is in AI mode; ...").</summary>
    public static ZipchatErrorCode ConversationInAiMode { get; } = new("conversation_in_ai_mode");

    /// <summary>422: on WhatsApp, Instagram or Messenger the customer last wrote more than 24 hours ago (Meta's reply window).</summary>
    public static ZipchatErrorCode MetaReplyWindowClosed { get; } = new("meta_reply_window_closed");

    /// <summary>422 with any other text: an invalid parameter (e.g. a malformed timestamp).</summary>
    public static ZipchatErrorCode InvalidParameter { get; } = new("invalid_parameter");

    /// <summary>404: the conversation or user is not in this chat (or does not exist).</summary>
    public static ZipchatErrorCode NotFound { get; } = new("not_found");

    /// <inheritdoc />
    public static IReadOnlyList<ZipchatErrorCode> KnownValues { get; } =
    [
        AssigneeIdRequired, AssigneeNotAssignable, MessageRequired, SenderIdRequired, SenderNotAssignable,
        ConversationInAiMode, MetaReplyWindowClosed, InvalidParameter, NotFound,
    ];

    /// <summary>The HTTP status Zipchat answers with this code; <c>null</c> for a code this release does not know.</summary>
    public HttpStatusCode? DocumentedStatus => Value switch
    {
        "not_found" => HttpStatusCode.NotFound,
        null => null,
        _ when KnownValues.Contains(this) => HttpStatusCode.UnprocessableEntity,
        _ => null,
    };

    /// <inheritdoc />
    public static ZipchatErrorCode FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
