using System.Globalization;

namespace ChatApis.Benchmarks.Payloads;

/// <summary>
/// The answers the benchmark server gives, shared by the Kestrel server and the no-network stub so both
/// serve identical bytes. Every body is serialized once at start-up; answering is a dictionary lookup.
/// </summary>
public sealed class PayloadRouter
{
    private readonly Dictionary<string, (Func<QueryView, byte[]> Body, int Status)> _routes = new(StringComparer.Ordinal);

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with a body chosen from the query.</summary>
    public PayloadRouter Map(string method, string path, Func<QueryView, byte[]> body, int status = 200)
    {
        _routes.Add(Key(method, path), (body, status));
        return this;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with a fixed body.</summary>
    public PayloadRouter Map(string method, string path, byte[] body, int status = 200) => Map(method, path, _ => body, status);

    /// <summary>The answer to a request, or <c>null</c> for a 404.</summary>
    public Payload? Find(string method, string path, string? query) =>
        _routes.TryGetValue(Key(method, path), out var route) ? new Payload(route.Body(new QueryView(query)), route.Status) : null;

    private static string Key(string method, string path) => string.Concat(method, " ", path);
}

/// <summary>A pre-serialized answer.</summary>
/// <param name="Body">The JSON bytes.</param>
/// <param name="Status">The HTTP status.</param>
public readonly record struct Payload(byte[] Body, int Status);

/// <summary>Reads integer query parameters without building a dictionary.</summary>
/// <param name="Query">The raw query string, with or without its leading '?'.</param>
public readonly record struct QueryView(string? Query)
{
    /// <summary>The integer value of <paramref name="name"/>, or <c>null</c>.</summary>
    public int? Int(string name)
    {
        var rest = (Query ?? "").AsSpan().TrimStart('?');
        while (!rest.IsEmpty)
        {
            var amp = rest.IndexOf('&');
            var pair = amp < 0 ? rest : rest[..amp];
            rest = amp < 0 ? [] : rest[(amp + 1)..];
            var eq = pair.IndexOf('=');
            if (eq > 0 && pair[..eq].SequenceEqual(name)
                && int.TryParse(pair[(eq + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return null;
    }
}
