namespace ChatApis.AspNetCore;

/// <summary>Reads one vendor's delivery bodies.</summary>
internal interface IDeliveryParser
{
    /// <summary>The vendor, one of <see cref="InboundSources"/>.</summary>
    string Source { get; }

    /// <summary>Reads a body.</summary>
    /// <param name="body">The raw body.</param>
    /// <returns>The typed delivery.</returns>
    /// <exception cref="InvalidDeliveryException">The body is not a valid delivery (its message is safe to return: no payload content).</exception>
    ParsedDelivery Parse(ReadOnlySpan<byte> body);
}
