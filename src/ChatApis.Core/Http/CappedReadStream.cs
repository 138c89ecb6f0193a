namespace ChatApis.Http;

// Enforces the response-size cap while the body streams into the deserializer, so an oversize or
// endless body fails fast without being buffered first.
internal sealed class CappedReadStream(Stream inner, long limit) : ReadOnlyWrappingStream(inner)
{
    private long _read;

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(Inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(Inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw new ResponseTooLargeException(limit);
        }

        return read;
    }
}

internal sealed class ResponseTooLargeException(long limit) : IOException($"The response body exceeded the {limit}-byte limit.")
{
    public long Limit { get; } = limit;
}
