using System.Globalization;
using System.Text.Json;
using ChatApis.Json;

namespace Samples.TrimSmoke;

/// <summary>
/// Compares one parsed model with the raw JSON object it was read from. Every property of the raw object
/// must be claimed by a check: typed properties are compared with the model's value, undocumented ones
/// (<see cref="Extra"/>) with the copy kept in <see cref="ApiModel.AdditionalProperties"/>. So a property
/// that trimming removed, or a converter it broke, shows up as a mismatch or as an unchecked field.
/// </summary>
internal sealed class JsonFieldCheck
{
    private readonly string _path;
    private readonly JsonElement _raw;
    private readonly ApiModel _model;
    private readonly SmokeReport _report;
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _extras = new(StringComparer.Ordinal);

    public JsonFieldCheck(string path, JsonElement raw, ApiModel model, SmokeReport report)
    {
        _path = path;
        _raw = raw;
        _model = model;
        _report = report;
        if (raw.ValueKind != JsonValueKind.Object)
        {
            report.Fail($"{path}: expected a JSON object, the server sent {raw.ValueKind}");
        }
    }

    /// <summary>Checks a JSON array of objects against the parsed list, item by item and in order.</summary>
    public static void Items<T>(string path, JsonElement raw, IReadOnlyList<T> items, SmokeReport report, Action<JsonFieldCheck, T> fields)
        where T : ApiModel
    {
        if (raw.ValueKind != JsonValueKind.Array)
        {
            report.Fail($"{path}: expected a JSON array, the server sent {raw.ValueKind}");
            return;
        }

        if (raw.GetArrayLength() != items.Count)
        {
            report.Fail($"{path}: parsed {items.Count} items, the server sent {raw.GetArrayLength()}");
            return;
        }

        var index = 0;
        foreach (var element in raw.EnumerateArray())
        {
            var item = items[index];
            var check = new JsonFieldCheck($"{path}[{index}]", element, item, report);
            fields(check, item);
            check.Complete();
            index++;
        }
    }

    public JsonFieldCheck String(string name, string? actual)
    {
        if (Claim(name) is { } raw)
        {
            var expected = raw.ValueKind == JsonValueKind.Null ? null : raw.ValueKind == JsonValueKind.String ? raw.GetString() : raw.GetRawText();
            Compare(name, expected, actual);
        }

        return this;
    }

    public JsonFieldCheck Number(string name, long? actual)
    {
        if (Claim(name) is { } raw)
        {
            Compare(name, raw.ValueKind == JsonValueKind.Null ? null : raw.GetInt64(), actual);
        }

        return this;
    }

    public JsonFieldCheck Number(string name, double? actual)
    {
        if (Claim(name) is { } raw)
        {
            Compare(name, raw.ValueKind == JsonValueKind.Null ? null : raw.GetDouble(), actual);
        }

        return this;
    }

    public JsonFieldCheck Boolean(string name, bool? actual)
    {
        if (Claim(name) is { } raw)
        {
            Compare(name, raw.ValueKind == JsonValueKind.Null ? null : raw.GetBoolean(), actual);
        }

        return this;
    }

    public JsonFieldCheck UnixSeconds(string name, DateTimeOffset? actual)
    {
        if (Claim(name) is { } raw)
        {
            Compare(name, raw.ValueKind == JsonValueKind.Null ? null : DateTimeOffset.FromUnixTimeSeconds(raw.GetInt64()), actual);
        }

        return this;
    }

    public JsonFieldCheck Iso8601(string name, DateTimeOffset? actual)
    {
        if (Claim(name) is { } raw)
        {
            var expected = raw.ValueKind == JsonValueKind.Null
                ? (DateTimeOffset?)null
                : DateTimeOffset.Parse(raw.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            Compare(name, expected, actual);
        }

        return this;
    }

    /// <summary>A nested object: null on both sides, or both present and equal field by field.</summary>
    public JsonFieldCheck Object<T>(string name, T? actual, Action<JsonFieldCheck, T> fields)
        where T : ApiModel
    {
        if (Claim(name) is not { } raw)
        {
            return this;
        }

        if (raw.ValueKind == JsonValueKind.Null || actual is null)
        {
            Compare(name, raw.ValueKind == JsonValueKind.Null ? "null" : "an object", actual is null ? "null" : "an object");
            return this;
        }

        var nested = new JsonFieldCheck($"{_path}.{name}", raw, actual, _report);
        fields(nested, actual);
        nested.Complete();
        return this;
    }

    /// <summary>A nested array of objects, compared item by item.</summary>
    public JsonFieldCheck List<T>(string name, IReadOnlyList<T> actual, Action<JsonFieldCheck, T> fields)
        where T : ApiModel
    {
        if (Claim(name) is { } raw)
        {
            Items($"{_path}.{name}", raw, actual, _report, fields);
        }

        return this;
    }

    /// <summary>An undocumented field the model has no property for: it must be kept, verbatim, in AdditionalProperties.</summary>
    public JsonFieldCheck Extra(string name)
    {
        if (Claim(name) is not { } raw)
        {
            return this;
        }

        _extras.Add(name);
        if (_model.AdditionalProperties?.TryGetValue(name, out var kept) != true)
        {
            _report.Fail($"{_path}.{name}: undocumented field not kept in AdditionalProperties");
        }
        else if (!JsonElement.DeepEquals(raw, kept))
        {
            _report.Fail($"{_path}.{name}: AdditionalProperties holds {kept.GetRawText()}, the server sent {raw.GetRawText()}");
        }
        else
        {
            _report.Checked();
        }

        return this;
    }

    /// <summary>Fails on every raw field no check claimed, and on every field parked in AdditionalProperties that has a typed home.</summary>
    public void Complete()
    {
        if (_raw.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in _raw.EnumerateObject())
        {
            if (!_claimed.Contains(property.Name))
            {
                _report.Fail($"{_path}.{property.Name}: field not checked (the server sent {property.Value.GetRawText()})");
            }
        }

        foreach (var key in _model.AdditionalProperties?.Keys ?? [])
        {
            if (!_extras.Contains(key))
            {
                _report.Fail($"{_path}.{key}: landed in AdditionalProperties instead of its typed property");
            }
        }
    }

    private JsonElement? Claim(string name)
    {
        if (!_claimed.Add(name))
        {
            throw new InvalidOperationException($"{_path}.{name} is checked twice.");
        }

        if (_raw.ValueKind == JsonValueKind.Object && _raw.TryGetProperty(name, out var value))
        {
            return value;
        }

        _report.Fail($"{_path}.{name}: the server did not send this field (has the seed changed?)");
        return null;
    }

    private void Compare<T>(string name, T? expected, T? actual)
    {
        if (EqualityComparer<T>.Default.Equals(expected, actual))
        {
            _report.Checked();
        }
        else
        {
            _report.Fail($"{_path}.{name}: parsed {Show(actual)}, the server sent {Show(expected)}");
        }
    }

    private static string Show<T>(T? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
