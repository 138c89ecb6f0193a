using System.IO.Compression;

namespace ChatApis.Http;

/// <summary>
/// Compressed responses, handled by the pipeline instead of the primary handler: the request carries one
/// constant <c>Accept-Encoding</c> (no per-request header objects), and only a response that really is
/// compressed pays for decoding. A decoded body has no declared length, so the response-size cap counts
/// the decoded bytes (a small compressed body cannot expand past the cap).
/// </summary>
internal static class ContentDecoding
{
    /// <summary>The encodings the pipeline asks for and decodes.</summary>
    public const string AcceptEncoding = "gzip, br";

    /// <summary>
    /// Replaces a gzip or Brotli body with its decoded form. Returns the encoding when it is one the
    /// pipeline did not ask for (the body is then left as it came), otherwise <c>null</c>.
    /// </summary>
    public static string? Decode(HttpResponseMessage response)
    {
        if (!response.Content.Headers.NonValidated.TryGetValues("Content-Encoding", out var values))
        {
            return null;
        }

        var encoding = values.ToString().Trim();
        if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Func<Stream, Stream>? decoder =
            encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || encoding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase)
                ? s => new DecodingStream(new GZipStream(s, CompressionMode.Decompress), encoding)
                : encoding.Equals("br", StringComparison.OrdinalIgnoreCase)
                    ? s => new DecodingStream(new BrotliStream(s, CompressionMode.Decompress), encoding)
                    : null;
        if (decoder is null)
        {
            return encoding;
        }

        response.Content = new DecodedContent(response.Content, decoder);
        return null;
    }

    // A server (or a proxy) may label a plain body gzip or br. The decoders then fail with
    // InvalidDataException (gzip) or InvalidOperationException (Brotli), which say nothing about HTTP;
    // this stream turns both into one ContentDecodingException the pipeline reports as an invalid
    // response. Failures of the connection underneath (IOException) pass through unchanged. (Both
    // decoders stop silently on some short garbage instead of failing: the body then reads as short or
    // empty, which the JSON reader reports as invalid; HTTP framing, not the decoder, catches truncation.)
    private sealed class DecodingStream(Stream decoder, string encoding) : ReadOnlyWrappingStream(decoder)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return Inner.Read(buffer, offset, count);
            }
            catch (Exception ex) when (IsCorrupt(ex))
            {
                throw new ContentDecodingException(encoding, ex);
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsCorrupt(ex))
            {
                throw new ContentDecodingException(encoding, ex);
            }
        }

        private static bool IsCorrupt(Exception ex) =>
            ex is InvalidDataException || (ex is InvalidOperationException && ex is not ObjectDisposedException);
    }

    // The decoded view of a compressed body: the original's headers minus its encoding and length.
    private sealed class DecodedContent : HttpContent
    {
        private readonly HttpContent _encoded;
        private readonly Func<Stream, Stream> _decoder;

        public DecodedContent(HttpContent encoded, Func<Stream, Stream> decoder)
        {
            _encoded = encoded;
            _decoder = decoder;
            foreach (var header in encoded.Headers.NonValidated)
            {
                if (!header.Key.Equals("Content-Encoding", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }

        protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
            _decoder(await _encoded.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));

        protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            var decoded = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (decoded.ConfigureAwait(false))
            {
                await decoded.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _encoded.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
