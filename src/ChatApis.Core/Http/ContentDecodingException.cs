namespace ChatApis.Http;

/// <summary>
/// A body labelled with a <c>Content-Encoding</c> could not be decoded (e.g. "gzip" on a plain body).
/// Internal: the pipeline turns it into a <see cref="ChatApiInvalidResponseException"/> for a success,
/// or an unreadable body on an error status.
/// </summary>
internal sealed class ContentDecodingException(string encoding, Exception inner)
    : Exception($"The body was labelled '{encoding}' but could not be decoded as {encoding}.", inner)
{
    /// <summary>The encoding the response declared.</summary>
    public string Encoding { get; } = encoding;
}
