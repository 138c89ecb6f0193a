namespace ChatApis;

/// <summary>
/// No usable response arrived: the connection failed, was reset, or the attempt timed out.
/// <see cref="RequestMayHaveReachedServer"/> tells whether the server may have acted on the request,
/// i.e. whether the outcome of a state-changing call is unknown.
/// </summary>
public class ChatApiTransportException : ChatApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A human-readable description.</param>
    /// <param name="requestMayHaveReachedServer">Whether the server may have processed the request.</param>
    /// <param name="isTimeout">Whether a timeout (not the caller's cancellation) ended the call.</param>
    /// <param name="vendor">The vendor name.</param>
    /// <param name="innerException">The underlying cause.</param>
    /// <param name="attempts">How many attempts the call made (see <see cref="ChatApiException.Attempts"/>).</param>
    public ChatApiTransportException(string message, bool requestMayHaveReachedServer, bool isTimeout, string? vendor, Exception? innerException = null, int attempts = 0)
        : base(message, ChatApiErrorDetails.None with { Vendor = vendor, Attempts = attempts }, innerException)
    {
        RequestMayHaveReachedServer = requestMayHaveReachedServer;
        IsTimeout = isTimeout;
    }

    /// <summary>
    /// <c>true</c> when the request may have been processed (the outcome is unknown); <c>false</c>
    /// when it provably never reached the server (e.g. connection refused), so it is safe to send again.
    /// </summary>
    public bool RequestMayHaveReachedServer { get; }

    /// <summary><c>true</c> when the attempt or total timeout fired (the caller did not cancel).</summary>
    public bool IsTimeout { get; }
}
