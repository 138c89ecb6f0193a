namespace ChatApis.Testing.Webhooks;

/// <summary>One attempt of a <see cref="WebhookDispatcher"/> to deliver a webhook.</summary>
/// <param name="Target">Where it was sent.</param>
/// <param name="Attempt">1 for the first try, 2 for the first retry, ...</param>
/// <param name="StatusCode">The status the subscriber answered, or <c>null</c> when the connection failed.</param>
/// <param name="At">When the attempt finished, by the simulator's clock.</param>
public sealed record WebhookAttempt(Uri Target, int Attempt, int? StatusCode, DateTimeOffset At);
