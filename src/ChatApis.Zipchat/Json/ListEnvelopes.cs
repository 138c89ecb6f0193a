using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ChatApis.Zipchat;

/// <summary>What the list envelopes share: a JSON object whose list property must be there and be an array.</summary>
internal static class ListEnvelopes
{
    /// <summary>Reads a list page object, refusing one whose <paramref name="listProperty"/> is missing or not an array.</summary>
    /// <typeparam name="TList">The page model.</typeparam>
    /// <param name="reader">The reader, at the body's first token.</param>
    /// <param name="typeInfo">The page model's contract.</param>
    /// <param name="listProperty">The list's property, e.g. <c>users</c>.</param>
    /// <returns>The page (anything beside the list kept in its additional properties).</returns>
    public static TList ReadObject<TList>(ref Utf8JsonReader reader, JsonTypeInfo<TList> typeInfo, string listProperty)
        where TList : class
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a JSON object with a '{listProperty}' list but the body was {root.ValueKind}.");
        }

        if (!root.TryGetProperty(listProperty, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException(list.ValueKind == JsonValueKind.Undefined
                ? $"The response has no '{listProperty}' list."
                : $"The response's '{listProperty}' was {list.ValueKind} where a list was expected.");
        }

        return root.Deserialize(typeInfo) ?? throw new JsonException($"The response body held null instead of a {typeof(TList).Name}.");
    }
}
