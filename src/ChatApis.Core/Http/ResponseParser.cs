namespace ChatApis.Http;

/// <summary>Reads a successful response body into a value (for bodies that are not JSON, e.g. plain text).</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="content">The response content.</param>
/// <param name="cancellationToken">The attempt's cancellation.</param>
/// <returns>The value.</returns>
public delegate ValueTask<T> ResponseParser<T>(HttpContent content, CancellationToken cancellationToken);
