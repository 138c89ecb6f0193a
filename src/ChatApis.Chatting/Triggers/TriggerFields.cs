using System.Globalization;
using System.Text.Json;

namespace ChatApis.Chatting;

/// <summary>
/// Reads a trigger payload's fields: the nested <c>data</c> object first (it has the original types and
/// <c>tags</c>), the flattened <c>data__field</c> copy when <c>data</c> or the field in it is missing.
/// A field that is absent or null reads as null; a field of the wrong kind is a <see cref="JsonException"/>.
/// </summary>
internal readonly struct TriggerFields(JsonElement root)
{
    private const string FlattenedPrefix = "data__";

    public JsonElement Root { get; } = root;

    public string? String(string name) => Find(name) is { } value ? AsString(value, name) : null;

    public int? Int32(string name)
    {
        if (Find(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        throw new JsonException($"Trigger field '{name}' should be an integer but was {value.ValueKind}.");
    }

    // Only the nested object carries arrays: the flattened copy cannot.
    public IReadOnlyList<string> Strings(string name)
    {
        if (!TryNested(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"Trigger field '{name}' should be an array but was {value.ValueKind}.");
        }

        var items = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (AsString(item, name) is { } text)
            {
                items.Add(text);
            }
        }

        return items;
    }

    public string? TopLevelString(string name) =>
        Root.TryGetProperty(name, out var value) ? AsString(value, name) : null;

    public DateTimeOffset? Timestamp()
    {
        var text = TopLevelString("timestamp");
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            // The value is not repeated: a payload comes from outside, and its text has no place in a log.
            : throw new JsonException("The trigger's timestamp is not an ISO 8601 timestamp.", "$.timestamp", null, null);
    }

    // Every field the payload carries, nested values winning over flattened copies (for unknown events).
    public IReadOnlyDictionary<string, JsonElement> All()
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (Root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in data.EnumerateObject())
            {
                fields[property.Name] = property.Value.Clone();
            }
        }

        foreach (var property in Root.EnumerateObject())
        {
            if (property.Name.StartsWith(FlattenedPrefix, StringComparison.Ordinal))
            {
                fields.TryAdd(property.Name[FlattenedPrefix.Length..], property.Value.Clone());
            }
        }

        return fields;
    }

    private JsonElement? Find(string name)
    {
        if (!TryNested(name, out var value) && !Root.TryGetProperty(FlattenedPrefix + name, out value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Null ? null : value;
    }

    private bool TryNested(string name, out JsonElement value)
    {
        value = default;
        return Root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out value);
    }

    private static string? AsString(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => throw new JsonException($"Trigger field '{name}' should be a string but was {value.ValueKind}."),
    };
}
