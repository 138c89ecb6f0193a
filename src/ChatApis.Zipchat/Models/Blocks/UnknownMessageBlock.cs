namespace ChatApis.Zipchat;

/// <summary>A block of a type this release does not know; <see cref="MessageBlock.RawJson"/> keeps all of it.</summary>
public sealed class UnknownMessageBlock : MessageBlock
{
    /// <summary>Creates the block.</summary>
    /// <param name="type">The block's <c>type</c>.</param>
    /// <param name="rawJson">The block's JSON.</param>
    public UnknownMessageBlock(string type, string rawJson)
        : base(type, rawJson)
    {
        ArgumentNullException.ThrowIfNull(rawJson);
    }
}
