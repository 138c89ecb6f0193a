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
                ? static s => new GZipStream(s, CompressionMode.Decompress)
                : encoding.Equals("br", StringComparison.OrdinalIgnoreCase)
                    ? static s => new BrotliStream(s, CompressionMode.Decompress)
                    : null;
        if (decoder is null)
        {
            return encoding;
        }

        response.Content = new DecodedContent(response.Content, decoder);
        return null;
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
