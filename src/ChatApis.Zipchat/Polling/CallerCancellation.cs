namespace ChatApis.Zipchat;

/// <summary>
/// Runs one step of an endless polling stream so that a cancellation is reported with the caller's own token
/// (the one given to the method, or the enumerator's), not the internal linked one: a caller can then tell its
/// cancellation from any other, as .NET cancellation promises.
/// </summary>
internal static class CallerCancellation
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken callToken, CancellationToken enumeratorToken)
    {
        try
        {
            callToken.ThrowIfCancellationRequested();
            enumeratorToken.ThrowIfCancellationRequested();
            return await work().ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (callToken.IsCancellationRequested || enumeratorToken.IsCancellationRequested)
        {
            var token = callToken.IsCancellationRequested ? callToken : enumeratorToken;
            if (ex.CancellationToken == token)
            {
                throw;
            }

            throw new OperationCanceledException(ex.Message, ex, token);
        }
    }
}
