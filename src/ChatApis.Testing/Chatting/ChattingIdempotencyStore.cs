namespace ChatApis.Testing.Chatting;

/// <summary>
/// Chatting's idempotency: per API key, a key first used with a request is bound to that request's
/// method, path and body; the same request again replays the stored answer, another request is a
/// conflict. Only successful answers are stored, so a failed attempt can be tried again.
/// Callers hold the simulator's lock.
/// </summary>
internal sealed class ChattingIdempotencyStore
{
    private readonly Dictionary<(string ApiKey, string Key), Entry> _entries = [];

    public int Replays { get; private set; }

    public Outcome Check(string apiKey, string key, string fingerprint, out StoredAnswer answer)
    {
        answer = default;
        if (!_entries.TryGetValue((apiKey, key), out var entry))
        {
            return Outcome.New;
        }

        if (!string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            return Outcome.Conflict;
        }

        Replays++;
        answer = entry.Answer;
        return Outcome.Replay;
    }

    public void Store(string apiKey, string key, string fingerprint, StoredAnswer answer)
    {
        if (answer.Status is >= 200 and <= 299)
        {
            _entries[(apiKey, key)] = new Entry(fingerprint, answer);
        }
    }

    public enum Outcome
    {
        New,
        Replay,
        Conflict,
    }

    public readonly record struct StoredAnswer(int Status, string Json);

    private sealed record Entry(string Fingerprint, StoredAnswer Answer);
}
