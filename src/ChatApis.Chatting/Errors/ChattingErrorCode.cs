using System.Net;
using System.Text.Json.Serialization;
using ChatApis.Json;

namespace ChatApis.Chatting;

/// <summary>
/// A Chatting error code (the <c>error</c> of <c>{"ok": false, "error": code}</c>), read from
/// <see cref="ChatApiException.ErrorCode"/> with <see cref="ChattingErrorCodeExtensions.GetChattingErrorCode"/>.
/// Open: a code this release does not know is kept as it is.
/// </summary>
/// <param name="Value">The wire value.</param>
[JsonConverter(typeof(OpenEnumConverter<ChattingErrorCode>))]
public readonly record struct ChattingErrorCode(string Value) : IOpenEnum<ChattingErrorCode>
{
    /// <summary>401 (<see cref="ChatApiAuthenticationException"/>): the <c>X-API-Key</c> header is missing.</summary>
    public static ChattingErrorCode ApiKeyMissing { get; } = new("api-key-missing");

    /// <summary>401 (<see cref="ChatApiAuthenticationException"/>): the API key does not verify (wrong or revoked).</summary>
    public static ChattingErrorCode ApiKeyInvalid { get; } = new("api-key-invalid");

    /// <summary>400 (<see cref="ChatApiValidationException"/>): the trigger event or <c>target_url</c> of a subscription is invalid.</summary>
    public static ChattingErrorCode InvalidSubscription { get; } = new("invalid-subscription");

    /// <summary>400 (<see cref="ChatApiValidationException"/>): a contact was created without an email.</summary>
    public static ChattingErrorCode MissingEmail { get; } = new("missing-email");

    /// <summary>409 (<see cref="ChatApiConflictException"/>): the workspace has no primary site to attach contacts to.</summary>
    public static ChattingErrorCode WorkspaceSiteMissing { get; } = new("workspace-site-missing");

    /// <summary>404 (<see cref="ChatApiNotFoundException"/>): a newly created contact could not be loaded back.</summary>
    public static ChattingErrorCode ContactNotFound { get; } = new("contact-not-found");

    /// <summary>403 (<see cref="ChatApiPermissionException"/>): the contact write target is outside the workspace.</summary>
    public static ChattingErrorCode ContactSiteForbidden { get; } = new("contact-site-forbidden");

    /// <summary>500 (<see cref="ChatApiServerException"/>): contact creation failed for a non-validation reason.</summary>
    public static ChattingErrorCode ContactSaveFailed { get; } = new("contact-save-failed");

    /// <summary>400 (<see cref="ChatApiValidationException"/>): a tag was added without a tag.</summary>
    public static ChattingErrorCode MissingTag { get; } = new("missing-tag");

    /// <summary>400 (<see cref="ChatApiValidationException"/>): a message was sent without a message.</summary>
    public static ChattingErrorCode MissingMessage { get; } = new("missing-message");

    /// <summary>404 (<see cref="ChatApiNotFoundException"/>): the contact, conversation or webhook id does not exist.</summary>
    public static ChattingErrorCode NotFound { get; } = new("not-found");

    /// <summary>409 (<see cref="ChatApiConflictException"/>): an idempotency key was reused with a different payload.</summary>
    public static ChattingErrorCode IdempotencyKeyConflict { get; } = new("idempotency-key-conflict");

    /// <summary>500 (<see cref="ChatApiServerException"/>): a webhook subscription could not be saved.</summary>
    public static ChattingErrorCode SubscriptionSaveFailed { get; } = new("subscription-save-failed");

    /// <summary>Every code the documents name, in their order.</summary>
    public static IReadOnlyList<ChattingErrorCode> Known { get; } =
    [
        ApiKeyMissing, ApiKeyInvalid, InvalidSubscription, MissingEmail, WorkspaceSiteMissing, ContactNotFound,
        ContactSiteForbidden, ContactSaveFailed, MissingTag, MissingMessage, NotFound, IdempotencyKeyConflict, SubscriptionSaveFailed,
    ];

    /// <summary>The HTTP status Chatting answers with this code; <c>null</c> for a code this release does not know.</summary>
    public HttpStatusCode? DocumentedStatus => Value switch
    {
        "api-key-missing" or "api-key-invalid" => HttpStatusCode.Unauthorized,
        "invalid-subscription" or "missing-email" or "missing-tag" or "missing-message" => HttpStatusCode.BadRequest,
        "workspace-site-missing" or "idempotency-key-conflict" => HttpStatusCode.Conflict,
        "contact-not-found" or "not-found" => HttpStatusCode.NotFound,
        "contact-site-forbidden" => HttpStatusCode.Forbidden,
        "contact-save-failed" or "subscription-save-failed" => HttpStatusCode.InternalServerError,
        _ => null,
    };

    /// <inheritdoc />
    public static IReadOnlyList<ChattingErrorCode> KnownValues { get; } = [ApiKeyMissing, ApiKeyInvalid, InvalidSubscription, MissingEmail, WorkspaceSiteMissing, ContactNotFound, ContactSiteForbidden, ContactSaveFailed, MissingTag, MissingMessage, NotFound, IdempotencyKeyConflict, SubscriptionSaveFailed];

    /// <inheritdoc />
    public static ChattingErrorCode FromValue(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
