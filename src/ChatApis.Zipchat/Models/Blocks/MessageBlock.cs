using System.Text.Json;

namespace ChatApis.Zipchat;

/// <summary>
/// One part of a message's content. Messages with attachments carry their content as a JSON-encoded
/// array of blocks such as <c>[{"type":"image","source":{"url":"..."}},{"type":"text","text":"..."}]</c>;
/// see <see cref="ZipchatMessage.GetBlocks"/>.
/// </summary>
public abstract class MessageBlock
{
    /// <summary>Creates a block.</summary>
    /// <param name="type">The block's <c>type</c>.</param>
    /// <param name="rawJson">The block's JSON, or <c>null</c> when it was not read from JSON.</param>
    protected MessageBlock(string type, string? rawJson)
    {
        ArgumentNullException.ThrowIfNull(type);
        Type = type;
        RawJson = rawJson;
    }

    /// <summary>The block's <c>type</c>, e.g. <c>"text"</c> or <c>"image"</c>.</summary>
    public string Type { get; }

    /// <summary>The block's JSON as received, or <c>null</c> for the text block made from content that was not a block array.</summary>
    public string? RawJson { get; }

    /// <summary>Reads message content as blocks (see <see cref="ZipchatMessage.GetBlocks"/>); never throws.</summary>
    /// <param name="content">The raw <c>message</c> text.</param>
    /// <returns>The blocks; empty when <paramref name="content"/> is null or empty.</returns>
    public static IReadOnlyList<MessageBlock> Parse(string? content)
    {
        if (string.IsNullOrEmpty(content))
        {
            return [];
        }

        return TryParseBlockArray(content) ?? [new TextMessageBlock(content, rawJson: null)];
    }

    // Only a non-empty array whose every element is an object with a string "type" counts as blocks:
    // a customer who types "[1, 2]" or "[urgent] call me" wrote text, and text must not be lost.
    private static List<MessageBlock>? TryParseBlockArray(string content)
    {
        var trimmed = content.AsSpan().Trim();
        if (trimmed.Length < 2 || trimmed[0] != '[' || trimmed[^1] != ']')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
            {
                return null;
            }

            var blocks = new List<MessageBlock>(root.GetArrayLength());
            foreach (var element in root.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object
                    || !element.TryGetProperty("type", out var type)
                    || type.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                blocks.Add(FromElement(type.GetString()!, element));
            }

            return blocks;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static MessageBlock FromElement(string type, JsonElement element)
    {
        var raw = element.GetRawText();
        return type switch
        {
            "text" => new TextMessageBlock(StringOf(element, "text") ?? "", raw),
            "image" => new ImageMessageBlock(ImageUrlOf(element), raw),
            _ => new UnknownMessageBlock(type, raw),
        };
    }

    // The documented shape is {"source":{"url":...}}; a bare "source" string or a top-level "url" is read too.
    private static string? ImageUrlOf(JsonElement element)
    {
        if (element.TryGetProperty("source", out var source))
        {
            if (source.ValueKind == JsonValueKind.Object)
            {
                return StringOf(source, "url");
            }

            if (source.ValueKind == JsonValueKind.String)
            {
                return source.GetString();
            }
        }

        return StringOf(element, "url");
    }

    private static string? StringOf(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
