namespace ChatApis.Zipchat;

/// <summary>A text block: a <c>{"type":"text","text":"..."}</c> element, or the whole content of a message that is not a block array (which may be HTML).</summary>
public sealed class TextMessageBlock : MessageBlock
{
    /// <summary>Creates a text block.</summary>
    /// <param name="text">The text (may hold HTML).</param>
    /// <param name="rawJson">The block's JSON, or <c>null</c> when the text is the message's whole content.</param>
    public TextMessageBlock(string text, string? rawJson)
        : base("text", rawJson)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
    }

    /// <summary>The text, as sent (HTML is not stripped).</summary>
    public string Text { get; }
}
