namespace ChatApis.AssistLoop;

/// <summary>The OAuth state that came back differs from the one sent: the redirect may be forged, so its code must not be exchanged.</summary>
public sealed class OAuthStateMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OAuthStateMismatchException()
        : base("The OAuth state returned does not match the one sent.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong (never the state values).</param>
    public OAuthStateMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public OAuthStateMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
