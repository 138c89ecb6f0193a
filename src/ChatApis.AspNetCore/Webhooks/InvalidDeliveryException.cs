namespace ChatApis.AspNetCore;

/// <summary>A delivery body that is not a valid event; the message says why without quoting the body.</summary>
internal sealed class InvalidDeliveryException : Exception
{
    public InvalidDeliveryException(string message)
        : base(message)
    {
    }

    public InvalidDeliveryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidDeliveryException()
    {
    }

    // A parser's own message may quote a piece of the payload: only its type goes into the log.
    public string? ParserFailure => InnerException?.GetType().Name;

    /// <summary>Whether a parser's exception means "the body is malformed" (as opposed to a bug to surface).</summary>
    public static bool IsParseFailure(Exception ex) =>
        ex is FormatException or ChatApiInvalidResponseException or System.Text.Json.JsonException or InvalidOperationException or ArgumentException;
}
