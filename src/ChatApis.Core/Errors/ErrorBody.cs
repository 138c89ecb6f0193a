namespace ChatApis;

/// <summary>What an error reader found in a failed response's body.</summary>
/// <param name="ErrorCode">The vendor's code or title, if any.</param>
/// <param name="Message">The vendor's message, if any.</param>
/// <param name="RetryAfter">A retry delay the body carried (e.g. <c>retry_after</c>), if any.</param>
public readonly record struct ErrorBody(string? ErrorCode, string? Message, TimeSpan? RetryAfter);
