using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using WireMock;

namespace ChatApis.Contract.Tests.Support;

/// <summary>
/// Exactly the request a document describes: method, path, the exact set of query parameters and their
/// values, the authentication header, the Content-Type and the body (JSON compared as JSON, so explicit
/// nulls count, or form fields). Both the stub (<see cref="StrictRequestMatcher"/>) and the request-log
/// check use <see cref="Mismatches"/>, so a request that drifts gets WireMock's 404 and a precise message.
/// </summary>
public sealed class ExpectedRequest
{
    private readonly List<string> _paths;
    private readonly List<(string Name, string Description, Func<string, bool> Accepts)> _query = [];
    private readonly List<(string Name, string? Value)> _headers = [];
    private (string Kind, string? Header, string? Value)? _auth;
    private (string MediaType, string Text)? _body;

    private ExpectedRequest(string method, string path)
    {
        Method = method;
        _paths = [path];
    }

    public string Method { get; }

    public string Path => _paths[0];

    public static ExpectedRequest Get(string path) => new("GET", path);

    public static ExpectedRequest Post(string path) => new("POST", path);

    public static ExpectedRequest Patch(string path) => new("PATCH", path);

    public static ExpectedRequest Delete(string path) => new("DELETE", path);

    /// <summary>Accepts another path too: only where the documents themselves give two for one endpoint.</summary>
    public ExpectedRequest OrPath(string path)
    {
        _paths.Add(path);
        return this;
    }

    public ExpectedRequest Query(string name, string value) =>
        QueryMatching(name, $"\"{value}\"", actual => string.Equals(actual, value, StringComparison.Ordinal));

    /// <summary>A documented ISO 8601 timestamp parameter: any ISO 8601 spelling with an offset, of exactly this instant.</summary>
    public ExpectedRequest QueryInstant(string name, DateTimeOffset instant) =>
        QueryMatching(name, $"ISO 8601 of {instant:O}", actual => Iso8601.TryParse(actual, out var at) && at == instant);

    public ExpectedRequest QueryMatching(string name, string description, Func<string, bool> accepts)
    {
        _query.Add((name, description, accepts));
        return this;
    }

    public ExpectedRequest Bearer(string token)
    {
        _auth = ("Bearer", "Authorization", "Bearer " + token);
        return this;
    }

    public ExpectedRequest ApiKey(string header, string key)
    {
        _auth = ("API key", header, key);
        return this;
    }

    /// <summary>No credentials at all (the OAuth authorize and token endpoints).</summary>
    public ExpectedRequest NoAuth()
    {
        _auth = ("none", null, null);
        return this;
    }

    /// <summary>A JSON body equal, as JSON, to <paramref name="json"/> (property order free, nulls and types exact).</summary>
    public ExpectedRequest Json(string json)
    {
        using var _ = JsonDocument.Parse(json);
        _body = ("application/json", json);
        return this;
    }

    /// <summary>An application/x-www-form-urlencoded body with exactly these fields.</summary>
    public ExpectedRequest Form(params (string Name, string Value)[] fields)
    {
        _body = ("application/x-www-form-urlencoded", string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value))));
        return this;
    }

    /// <summary>An application/x-www-form-urlencoded body with exactly the fields of <paramref name="formText"/> (a document's raw example).</summary>
    public ExpectedRequest FormText(string formText)
    {
        ArgumentNullException.ThrowIfNull(formText);
        _body = ("application/x-www-form-urlencoded", formText.Trim());
        return this;
    }

    public ExpectedRequest Header(string name, string value)
    {
        _headers.Add((name, value));
        return this;
    }

    public ExpectedRequest NoHeader(string name)
    {
        _headers.Add((name, null));
        return this;
    }

    /// <summary>Every way <paramref name="request"/> differs from this expectation; empty when it is exactly the documented request.</summary>
    public IReadOnlyList<string> Mismatches(IRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var auth = _auth ?? throw new InvalidOperationException($"{this}: say which credentials the document requires (Bearer, ApiKey or NoAuth).");
        var problems = new List<string>();
        if (!string.Equals(request.Method, Method, StringComparison.Ordinal))
        {
            problems.Add($"method {request.Method}, expected {Method}");
        }

        if (!_paths.Contains(request.AbsolutePath, StringComparer.Ordinal))
        {
            problems.Add($"path {request.AbsolutePath}, expected {string.Join(" or ", _paths)}");
        }

        CheckQuery(request.RawQuery, problems);
        CheckAuth(request, auth, problems);
        foreach (var (name, value) in _headers)
        {
            var actual = Values(request, name);
            if (value is null ? actual.Count != 0 : actual.Count != 1 || actual[0] != value)
            {
                problems.Add($"header {name}: [{string.Join(", ", actual)}], expected {(value is null ? "none" : value)}");
            }
        }

        CheckBody(request, problems);
        return problems;
    }

    public override string ToString() =>
        $"{Method} {string.Join(" | ", _paths)}{(_query.Count == 0 ? "" : "?" + string.Join('&', _query.Select(q => q.Name + "=" + q.Description)))}";

    private void CheckQuery(string? rawQuery, List<string> problems)
    {
        var actual = ParsePairs(rawQuery?.TrimStart('?'), plusIsSpace: false);
        var actualNames = actual.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var expectedNames = _query.Select(q => q.Name).Order(StringComparer.Ordinal).ToList();
        if (!actualNames.SequenceEqual(expectedNames, StringComparer.Ordinal))
        {
            problems.Add($"query parameters [{string.Join(", ", actual.Select(p => p.Name + "=" + p.Value))}], expected exactly [{string.Join(", ", _query.Select(q => q.Name + "=" + q.Description))}]");
            return;
        }

        foreach (var group in _query.GroupBy(q => q.Name, StringComparer.Ordinal))
        {
            var values = actual.Where(p => p.Name == group.Key).Select(p => p.Value).ToList();
            foreach (var (expected, value) in group.Zip(values))
            {
                if (!expected.Accepts(value))
                {
                    problems.Add($"query {group.Key}={value}, expected {expected.Description}");
                }
            }
        }
    }

    private static void CheckAuth(IRequestMessage request, (string Kind, string? Header, string? Value) auth, List<string> problems)
    {
        var authorization = Values(request, "Authorization");
        var apiKey = Values(request, "X-API-Key");
        switch (auth.Kind)
        {
            case "Bearer":
                if (authorization.Count != 1 || authorization[0] != auth.Value)
                {
                    problems.Add($"Authorization [{string.Join(", ", authorization)}], expected {auth.Value}");
                }

                if (apiKey.Count != 0)
                {
                    problems.Add("an X-API-Key header, expected only the bearer token");
                }

                break;
            case "API key":
                var key = Values(request, auth.Header!);
                if (key.Count != 1 || key[0] != auth.Value)
                {
                    problems.Add($"{auth.Header} [{string.Join(", ", key)}], expected {auth.Value}");
                }

                if (authorization.Count != 0)
                {
                    problems.Add("an Authorization header, expected only the API key");
                }

                break;
            default:
                if (authorization.Count != 0 || apiKey.Count != 0)
                {
                    problems.Add("credentials were sent, expected none");
                }

                break;
        }
    }

    private void CheckBody(IRequestMessage request, List<string> problems)
    {
        var bytes = request.BodyAsBytes ?? [];
        var contentType = Values(request, "Content-Type");
        if (_body is not { } body)
        {
            if (bytes.Length != 0 || contentType.Count != 0)
            {
                problems.Add($"a body ({contentType.FirstOrDefault()}: {Encoding.UTF8.GetString(bytes)}), expected none");
            }

            return;
        }

        if (contentType.Count != 1 || !MediaTypeHeaderValue.TryParse(contentType[0], out var parsed)
            || !string.Equals(parsed.MediaType, body.MediaType, StringComparison.OrdinalIgnoreCase)
            || (parsed.CharSet is { } charset && !string.Equals(charset.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"Content-Type [{string.Join(", ", contentType)}], expected {body.MediaType} (UTF-8)");
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (body.MediaType == "application/json")
        {
            if (!JsonEquals(body.Text, text))
            {
                problems.Add($"JSON body {text}, expected (as JSON) {body.Text}");
            }
        }
        else
        {
            var expected = ParsePairs(body.Text, plusIsSpace: true).Order().ToList();
            var actual = ParsePairs(text, plusIsSpace: true).Order().ToList();
            if (!expected.SequenceEqual(actual))
            {
                problems.Add($"form body {text}, expected fields [{string.Join(", ", expected)}]");
            }
        }
    }

    private static bool JsonEquals(string expected, string actual)
    {
        try
        {
            using var e = JsonDocument.Parse(expected);
            using var a = JsonDocument.Parse(actual);
            return JsonElement.DeepEquals(e.RootElement, a.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static List<string> Values(IRequestMessage request, string name) =>
        request.Headers?.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).SelectMany(h => h.Value).ToList() ?? [];

    /// <summary>The name-value pairs of a query string or form body, decoded, in order.</summary>
    public static List<(string Name, string Value)> ParsePairs(string? text, bool plusIsSpace)
    {
        var pairs = new List<(string, string)>();
        if (string.IsNullOrEmpty(text))
        {
            return pairs;
        }

        foreach (var part in text.Split('&'))
        {
            var at = part.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = at < 0 ? (part, "") : (part[..at], part[(at + 1)..]);
            pairs.Add((Decode(name, plusIsSpace), Decode(value, plusIsSpace)));
        }

        return pairs;
    }

    private static string Decode(string text, bool plusIsSpace) => Uri.UnescapeDataString(plusIsSpace ? text.Replace('+', ' ') : text);
}
