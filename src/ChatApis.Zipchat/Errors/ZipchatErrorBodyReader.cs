using System.Text.Json;

namespace ChatApis.Zipchat;

/// <summary>
/// Reads Zipchat's error bodies, whose shape is not public. Seen or plausible for a Rails API:
/// <c>{"error": "..."}</c>, <c>{"message": "..."}</c>, <c>{"errors": ["...", ...]}</c>,
/// <c>{"errors": {"field": ["..."]}}</c>, <c>{"errors": [{"message": "..."}]}</c>, <c>{"error": {"message": "..."}}</c>
/// or plain text. The text becomes the message and a stable <see cref="ZipchatErrorCode"/>
/// becomes the error code (from the documented texts, otherwise from the status: 404 → not_found,
/// 422 → invalid_parameter).
/// </summary>
internal sealed class ZipchatErrorBodyReader : ErrorBodyReader
{
    // Enough for every documented text several times over; a longer list adds nothing a caller can use.
    private const int MaxTexts = 8;
    private const int MaxDepth = 16;

    public ZipchatErrorBodyReader()
        : base(codeProperty: "error", messageProperty: "message", retryAfterProperty: null)
    {
    }

    public override ErrorBody Read(int statusCode, string? mediaType, ReadOnlySpan<byte> body)
    {
        var texts = ReadTexts(body);
        if (texts is null)
        {
            // Not a JSON object (plain text, markup, truncated JSON): the base reader keeps what it can.
            var parsed = base.Read(statusCode, mediaType, body);
            texts = [.. new[] { parsed.Message, parsed.ErrorCode }.OfType<string>()];
        }

        // For Zipchat every property holds prose: the first text that is a documented one decides the code.
        var code = texts.Select(ZipchatErrorTexts.CodeOf).FirstOrDefault(c => c is not null) ?? statusCode switch
        {
            404 => ZipchatErrorCode.NotFound,
            422 => ZipchatErrorCode.InvalidParameter,
            _ => (ZipchatErrorCode?)null,
        };
        return new ErrorBody(code?.Value, texts.Count == 0 ? null : string.Join("; ", texts), null);
    }

    // The texts of a JSON object error body, in the order "message", "error", "errors"; null when the body
    // is not a JSON object.
    private static List<string>? ReadTexts(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = MaxDepth });
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var texts = new List<string>();
            foreach (var name in (ReadOnlySpan<string>)["message", "error", "errors"])
            {
                if (root.TryGetProperty(name, out var value))
                {
                    Collect(value, null, texts);
                }
            }

            return texts;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Malformed JSON or invalid UTF-8 in a string: let the base reader salvage what it can.
            return null;
        }
    }

    // Strings as they are; arrays item by item; an object per error ({"message": ...}, {"detail": ...}) or
    // per field ({"assignee_id": ["is required"]} reads "assignee_id is required"; Rails' "base" adds no name).
    private static void Collect(JsonElement value, string? field, List<string> texts)
    {
        if (texts.Count >= MaxTexts)
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String when value.GetString() is { Length: > 0 } text:
                // Rails names errors about the whole record "base"; a field's own name already leads many texts.
                var line = field is null or "base" || text.StartsWith(field, StringComparison.OrdinalIgnoreCase) ? text : $"{field} {text}";
                if (!texts.Contains(line, StringComparer.Ordinal))
                {
                    texts.Add(line.Length > 500 ? line[..500] : line);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    Collect(item, field, texts);
                }

                break;
            case JsonValueKind.Object:
                var described = false;
                foreach (var name in (ReadOnlySpan<string>)["message", "detail", "title", "error"])
                {
                    if (value.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String)
                    {
                        Collect(text, field, texts);
                        described = true;
                        break;
                    }
                }

                if (!described)
                {
                    foreach (var property in value.EnumerateObject())
                    {
                        Collect(property.Value, property.Name, texts);
                    }
                }

                break;
        }
    }
}
