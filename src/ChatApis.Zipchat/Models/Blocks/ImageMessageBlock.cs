namespace ChatApis.Zipchat;

/// <summary>An image attachment: <c>{"type":"image","source":{"url":"..."}}</c>.</summary>
public sealed class ImageMessageBlock : MessageBlock
{
    /// <summary>Creates an image block.</summary>
    /// <param name="url">The image's URL, or <c>null</c> when the block carried none.</param>
    /// <param name="rawJson">The block's JSON.</param>
    public ImageMessageBlock(string? url, string? rawJson)
        : base("image", rawJson)
    {
        Url = url;
    }

    /// <summary>The image's URL (<c>source.url</c>), or <c>null</c> when the block carried none.</summary>
    public string? Url { get; }
}
