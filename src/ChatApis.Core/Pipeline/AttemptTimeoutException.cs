namespace ChatApis.Pipeline;

// An attempt's own timeout (not the caller's cancellation) ended it. The retry policy may retry it; the call
// executor turns the last one into a ChatApiTransportException with IsTimeout.
internal sealed class AttemptTimeoutException(TimeSpan timeout, Exception inner)
    : TimeoutException($"The attempt did not complete within {timeout}.", inner);
