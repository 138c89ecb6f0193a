using System.Globalization;
using System.Text;

namespace ChatApis.Pipeline;

/// <summary>
/// The OpenTelemetry <c>error.type</c> of a failed attempt or call: the status code for an error response
/// (<c>"404"</c>); <c>"timeout"</c> for an attempt or deadline timeout; for a request that got no response,
/// the transport's own reason in the words .NET's HttpClient metrics use (<c>"connection_error"</c>,
/// <c>"name_resolution_error"</c>, ...), so our counts group with theirs, else the exception's full type name
/// (<c>"System.IO.IOException"</c>); for anything else (e.g. a 200 whose body is not JSON) the SDK exception's
/// full type name. All low-cardinality, none holds text a server sent.
/// </summary>
internal static class ErrorTypes
{
    public const string Timeout = "timeout";

    /// <summary>The <c>error.type</c> of <paramref name="error"/>.</summary>
    public static string Of(Exception error) => error switch
    {
        AttemptTimeoutException or ChatApiTransportException { IsTimeout: true } => Timeout,
        ChatApiTransportException { InnerException: { } cause } => OfCause(cause),
        ChatApiException { StatusCode: { } status } when (int)status >= 300 => ((int)status).ToString(CultureInfo.InvariantCulture),
        _ => error.GetType().FullName ?? error.GetType().Name,
    };

    private static string OfCause(Exception cause) => cause is HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http
        ? SnakeCase(http.HttpRequestError.ToString())
        : cause.GetType().FullName ?? cause.GetType().Name;

    private static string SnakeCase(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    /// <summary>
    /// The cause of a failure that got no response, for a log line: each exception's type and message down
    /// the inner chain (at most three), e.g. <c>HttpRequestException: Connection refused (api.example.com:443)
    /// → SocketException: Connection refused</c>. The transport's messages name the host and port and the
    /// socket error, never a header or a body; the SDK's own transport messages hold no credential.
    /// </summary>
    public static string Cause(Exception error)
    {
        var (current, depth) = error switch
        {
            // A timeout's own message says it all; what it wraps is the cancellation it caused.
            AttemptTimeoutException t => (t, 1),
            ChatApiTransportException { InnerException: AttemptTimeoutException t } => (t, 1),
            ChatApiTransportException { IsTimeout: true } => (null, 0),
            ChatApiTransportException { InnerException: { } cause } => (cause, 3),
            _ => (error, 3),
        };
        if (current is null)
        {
            return "the call's deadline passed";
        }

        var text = new StringBuilder();
        for (var i = 0; current is not null && i < depth; i++, current = current.InnerException)
        {
            var type = current is AttemptTimeoutException ? nameof(TimeoutException) : current.GetType().Name;
            text.Append(i == 0 ? "" : " → ").Append(type).Append(": ").Append(current.Message);
        }

        return text.ToString();
    }
}
