using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ChatApis.Safety;

namespace ChatApis.Http;

/// <summary>
/// A declared API request: what a vendor client hands to <see cref="ChatApiPipeline"/>. It is built
/// once per logical call and turned into a fresh <see cref="HttpRequestMessage"/> for every attempt,
/// so a retry re-sends exactly the same bytes and headers (including the same idempotency key).
/// </summary>
public sealed class ApiRequest
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeHeaderValue FormMediaType = new("application/x-www-form-urlencoded");

    private List<KeyValuePair<string, string>>? _query;
    private List<KeyValuePair<string, string>>? _headers;
    private byte[]? _body;
    private MediaTypeHeaderValue? _bodyType;

    /// <summary>Declares a request.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathTemplate">
    /// The path relative to the client's base address, with named placeholders in the vendor's documented
    /// spelling (e.g. <c>"chats/{chat_id}/conversations/{id}"</c>), filled in order of appearance. A
    /// template that starts with <c>/</c> is resolved against the host root instead (e.g. an OAuth token
    /// endpoint). The template (never the values) is what exception messages, logs and metrics show.
    /// </param>
    /// <param name="pathValues">
    /// One value per placeholder, in order. Each becomes exactly one escaped path segment; a value that
    /// could not (empty, <c>.</c> or <c>..</c>, holding <c>/</c>, <c>\</c>, a control character or a
    /// percent-encoded dot segment) is refused. Vendor clients check their parameters first with the
    /// parameter's own name; this check is the last line of defence.
    /// </param>
    /// <exception cref="ArgumentException">The values do not match the placeholders, or a value cannot be one path segment.</exception>
    public ApiRequest(HttpMethod method, string pathTemplate, params string[] pathValues)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathTemplate);
        ArgumentNullException.ThrowIfNull(pathValues);
        Method = method;
        PathTemplate = pathTemplate;
        Path = FillTemplate(pathTemplate, pathValues);
        IsRetrySafe = method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Put || method == HttpMethod.Delete;
    }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path template, safe to log (it holds no ids or values).</summary>
    public string PathTemplate { get; }

    /// <summary>The path with its escaped values filled in.</summary>
    public string Path { get; }

    /// <summary>
    /// Whether sending this request twice has the same effect as sending it once, so a failure after
    /// the server may have acted can be retried: true for idempotent methods, for requests carrying an
    /// idempotency key, and for requests marked with <see cref="MarkIdempotent"/>.
    /// </summary>
    public bool IsRetrySafe { get; private set; }

    /// <summary>The idempotency key sent with the request, if any.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>The extra rate-limit budget this request draws from, if any.</summary>
    public string? RateLimitBudget { get; private set; }

    /// <summary>Whether the client's authentication handler must leave this request alone.</summary>
    public bool SkipAuthentication { get; private set; }

    /// <summary>The query parameters in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query => (IReadOnlyList<KeyValuePair<string, string>>?)_query ?? [];

    /// <summary>The serialized body, if any (the same bytes are sent on every attempt).</summary>
    public ReadOnlyMemory<byte>? Body => _body;

    /// <summary>Adds a query parameter; a <c>null</c> value is skipped.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value, sent escaped.</param>
    /// <returns>This request.</returns>
    public ApiRequest AddQuery(string name, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (value is not null)
        {
            (_query ??= []).Add(new(name, value));
        }

        return this;
    }

    /// <summary>Adds an integer query parameter; a <c>null</c> value is skipped.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value, in invariant culture.</param>
    /// <returns>This request.</returns>
    public ApiRequest AddQuery(string name, long? value) =>
        AddQuery(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean query parameter in the vendor's spelling; a <c>null</c> value is skipped.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The value.</param>
    /// <param name="trueText">How the vendor spells true (e.g. "1").</param>
    /// <param name="falseText">How the vendor spells false (e.g. "0").</param>
    /// <returns>This request.</returns>
    public ApiRequest AddQuery(string name, bool? value, string trueText = "true", string falseText = "false") =>
        AddQuery(name, value is null ? null : value.Value ? trueText : falseText);

    /// <summary>Adds a timestamp query parameter as ISO 8601 UTC (e.g. <c>2025-01-20T16:00:00Z</c>); a <c>null</c> value is skipped.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="value">The instant.</param>
    /// <returns>This request.</returns>
    public ApiRequest AddQuery(string name, DateTimeOffset? value) =>
        AddQuery(name, value is null ? null : FormatIso8601(value.Value));

    /// <summary>Adds a request header (sent on every attempt).</summary>
    /// <param name="name">The header name (an HTTP token).</param>
    /// <param name="value">
    /// The header value: visible ASCII, spaces and tabs, at most 8192 characters. A CR, LF, NUL or other
    /// control character is refused, so a caller's value can never add a header line of its own.
    /// </param>
    /// <returns>This request.</returns>
    /// <exception cref="ArgumentException">The name is not a header name, or the value cannot be sent as one header value.</exception>
    public ApiRequest AddHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!HeaderValueRule.IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid HTTP header name.", nameof(name));
        }

        if (HeaderValueRule.Problem(value) is { } problem)
        {
            throw new ArgumentException($"The value of the {name} header {problem}.", nameof(value));
        }

        (_headers ??= []).Add(new(name, value));
        return this;
    }

    /// <summary>Sets a JSON body, serialized once now with a source-generated contract.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="body">The body.</param>
    /// <param name="typeInfo">The source-generated contract for <typeparamref name="T"/>.</param>
    /// <returns>This request.</returns>
    public ApiRequest WithJsonBody<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        _body = JsonSerializer.SerializeToUtf8Bytes(body, typeInfo);
        _bodyType = JsonMediaType;
        return this;
    }

    /// <summary>Sets a raw UTF-8 JSON body (for callers that write their own JSON).</summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <returns>This request.</returns>
    public ApiRequest WithJsonBody(byte[] utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        _body = utf8Json;
        _bodyType = JsonMediaType;
        return this;
    }

    /// <summary>Sets an <c>application/x-www-form-urlencoded</c> body.</summary>
    /// <param name="fields">The form fields in order.</param>
    /// <returns>This request.</returns>
    public ApiRequest WithFormBody(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var text = new StringBuilder();
        foreach (var (key, value) in fields)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(EscapeForm(key)).Append('=').Append(EscapeForm(value));
        }

        _body = Encoding.UTF8.GetBytes(text.ToString());
        _bodyType = FormMediaType;
        return this;
    }

    /// <summary>
    /// Sends an idempotency key in <paramref name="headerName"/>. The key is fixed for this logical
    /// call, so every retry carries the same one and the server can replay instead of acting twice;
    /// that makes the request safe to retry.
    /// </summary>
    /// <param name="headerName">The header the vendor reads, e.g. <c>Idempotency-Key</c>.</param>
    /// <param name="key">The key; one per logical call.</param>
    /// <returns>This request.</returns>
    public ApiRequest WithIdempotencyKey(string headerName, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        AddHeader(headerName, key);
        IdempotencyKey = key;
        IsRetrySafe = true;
        return this;
    }

    /// <summary>Marks a request whose repetition is harmless (e.g. a PATCH that sets a value).</summary>
    /// <returns>This request.</returns>
    public ApiRequest MarkIdempotent()
    {
        IsRetrySafe = true;
        return this;
    }

    /// <summary>Makes the request also draw from the named rate-limit budget (e.g. "close").</summary>
    /// <param name="budget">The budget name declared by the vendor.</param>
    /// <returns>This request.</returns>
    public ApiRequest UseRateLimitBudget(string budget)
    {
        ArgumentException.ThrowIfNullOrEmpty(budget);
        RateLimitBudget = budget;
        return this;
    }

    /// <summary>Sends the request without the client's credentials (e.g. to an OAuth token endpoint).</summary>
    /// <returns>This request.</returns>
    public ApiRequest WithoutAuthentication()
    {
        SkipAuthentication = true;
        return this;
    }

    /// <summary>The absolute URI of this request against a base address.</summary>
    /// <param name="baseAddress">The client's base address (its path ends with '/').</param>
    /// <returns>The request URI.</returns>
    public Uri BuildUri(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        return BuildUri(baseAddress.AbsoluteUri, baseAddress.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>The absolute URI against a base address given as text (the pipeline caches it).</summary>
    internal Uri BuildUri(string baseText, string authorityText)
    {
        // The runtime's pooled interpolation buffer: only the final string is allocated.
        var text = new DefaultInterpolatedStringHandler(0, 0);
        text.AppendLiteral(Path.StartsWith('/') ? authorityText : baseText);
        text.AppendLiteral(Path);
        if (_query is not null)
        {
            for (var i = 0; i < _query.Count; i++)
            {
                text.AppendLiteral(i == 0 ? "?" : "&");
                text.AppendLiteral(Uri.EscapeDataString(_query[i].Key));
                text.AppendLiteral("=");
                text.AppendLiteral(Uri.EscapeDataString(_query[i].Value));
            }
        }

        return new Uri(text.ToStringAndClear(), UriKind.Absolute);
    }

    /// <summary>Creates a new message for one attempt (a message can be sent only once).</summary>
    /// <param name="uri">The URI from <see cref="BuildUri(Uri)"/>.</param>
    /// <returns>The message.</returns>
    public HttpRequestMessage CreateMessage(Uri uri)
    {
        var message = new HttpRequestMessage(Method, uri);
        if (_body is not null)
        {
            var content = new ByteArrayContent(_body);
            content.Headers.ContentType = _bodyType;
            message.Content = content;
        }

        if (_headers is not null)
        {
            // Validated twice: AddHeader refused anything unsafe, and Add (unlike TryAddWithoutValidation)
            // refuses a new line or NUL again.
            foreach (var (name, value) in _headers)
            {
                message.Headers.Add(name, value);
            }
        }

        return message;
    }

    /// <summary>Formats an instant the way the supported vendors document ISO 8601 (UTC, "Z", fraction only when present).</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The text.</returns>
    public static string FormatIso8601(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    // Named placeholders are filled in order of appearance; text between braces is a placeholder.
    private static string FillTemplate(string template, string[] values)
    {
        // Most requests have no placeholder: no buffer, no copy.
        if (values.Length == 0 && !template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var text = new DefaultInterpolatedStringHandler(0, 0);
        var literalStart = 0;
        var used = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                continue;
            }

            var close = template.IndexOf('}', i);
            if (close < 0)
            {
                break;
            }

            if (used == values.Length)
            {
                throw new ArgumentException($"The path template '{template}' has more placeholders than the {values.Length} value(s) given.", "pathValues");
            }

            var placeholder = template.AsSpan(i, close - i + 1);
            var value = values[used++] ?? throw new ArgumentNullException("pathValues", $"The value of {placeholder} in '{template}' is null.");
            if (PathSegmentRule.Problem(value) is { } problem)
            {
                throw new ArgumentException($"The value of {placeholder} in '{template}' {problem}.", "pathValues");
            }

            text.AppendFormatted(template.AsSpan(literalStart, i - literalStart));
            text.AppendLiteral(Uri.EscapeDataString(value));
            i = close;
            literalStart = close + 1;
        }

        if (used != values.Length)
        {
            throw new ArgumentException($"The path template '{template}' has {used} placeholder(s) but {values.Length} value(s) were given.", "pathValues");
        }

        if (used == 0)
        {
            // A lone '{' without its '}' is literal text.
            text.ToStringAndClear();
            return template;
        }

        text.AppendFormatted(template.AsSpan(literalStart));
        return text.ToStringAndClear();
    }

    private static string EscapeForm(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);
}
