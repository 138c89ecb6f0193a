namespace ChatApis.Testing;

/// <summary>
/// Every request a simulator received, in arrival order, so tests can assert what an SDK actually sent
/// (including requests a fault answered and retries). Thread-safe.
/// </summary>
public sealed class RequestJournal
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>A snapshot of the recorded requests, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_gate) { return _requests.ToArray(); } }
    }

    /// <summary>How many requests have been recorded.</summary>
    public int Count
    {
        get { lock (_gate) { return _requests.Count; } }
    }

    /// <summary>The most recent request.</summary>
    /// <exception cref="InvalidOperationException">No request has been recorded.</exception>
    public RecordedRequest Last
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count > 0
                    ? _requests[^1]
                    : throw new InvalidOperationException("The simulator has not received any request.");
            }
        }
    }

    /// <summary>Forgets every recorded request.</summary>
    public void Clear()
    {
        lock (_gate) { _requests.Clear(); }
    }

    /// <summary>The recorded requests with this method and path, oldest first.</summary>
    /// <param name="method">The HTTP method, case-insensitive; <c>"*"</c> matches any.</param>
    /// <param name="path">The path, matched case-insensitively; a trailing <c>"*"</c> makes it a prefix.</param>
    /// <returns>A snapshot of the matching requests.</returns>
    public IReadOnlyList<RecordedRequest> Where(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        lock (_gate)
        {
            return _requests.FindAll(r => RequestPaths.Matches(method, path, r.Method, r.Path));
        }
    }

    internal void Add(RecordedRequest request)
    {
        lock (_gate) { _requests.Add(request); }
    }
}
