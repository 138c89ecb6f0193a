using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChatApis.Pagination;

/// <summary>
/// The envelope every continuation token shares: base64url (no padding) of
/// <c>[format version][paging style][JSON state][8-byte checksum]</c>. The JSON is small and holds only where
/// the walk stands (page size, next page, or the time bound and the ids already yielded at it), never a
/// credential, so a caller may store the token anywhere.
/// </summary>
/// <remarks>
/// The checksum (truncated SHA-256 over a fixed label and the bytes before it) catches a token that was cut,
/// mistyped or edited by hand. It is not a signature: the SDK holds no key, and none is needed, because a
/// token forged with a valid checksum can only make the walk ask the API for a page the caller could ask for
/// with the one-page methods anyway; its state is still range-checked before any request.
/// </remarks>
internal static class ContinuationTokenCodec
{
    /// <summary>The parameter every resume method names in its errors.</summary>
    public const string ParameterName = "continuationToken";

    /// <summary>The only token format this SDK writes and reads.</summary>
    public const byte FormatVersion = 1;

    private const int HeaderLength = 2;
    private const int ChecksumLength = 8;

    // Keeps a ChatApis token from ever validating as some other system's checksummed blob, and the reverse.
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("ChatApis.Pagination.ContinuationToken");

    /// <summary>Writes a token for a walk's state.</summary>
    /// <typeparam name="TState">The state's type.</typeparam>
    /// <param name="kind">The paging style.</param>
    /// <param name="state">Where the walk stands.</param>
    /// <param name="typeInfo">The state's source-generated JSON contract.</param>
    /// <returns>The token (ASCII: letters, digits, '-' and '_').</returns>
    public static string Encode<TState>(ContinuationKind kind, TState state, JsonTypeInfo<TState> typeInfo)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(state, typeInfo);
        var bytes = new byte[HeaderLength + json.Length + ChecksumLength];
        bytes[0] = FormatVersion;
        bytes[1] = (byte)kind;
        json.CopyTo(bytes, HeaderLength);
        Checksum(bytes.AsSpan(0, HeaderLength + json.Length)).CopyTo(bytes.AsSpan(HeaderLength + json.Length));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Reads a token back, refusing anything this SDK did not write for this paging style.</summary>
    /// <typeparam name="TState">The state's type.</typeparam>
    /// <param name="token">The caller's token.</param>
    /// <param name="kind">The paging style of the pageable resuming.</param>
    /// <param name="typeInfo">The state's source-generated JSON contract.</param>
    /// <returns>The state, still to be range-checked by the pageable.</returns>
    /// <exception cref="ArgumentException">The token is malformed, of another version or paging style, or was altered.</exception>
    public static TState Decode<TState>(string token, ContinuationKind kind, JsonTypeInfo<TState> typeInfo)
    {
        var bytes = DecodeCanonicalBase64Url(token)
            ?? throw Invalid("is not a continuation token issued by this SDK (expected the base64url text a Page<T>.ContinuationToken holds)");
        if (bytes.Length < HeaderLength + ChecksumLength + 2)
        {
            throw Invalid("is too short to be a continuation token (was it cut?)");
        }

        // The version first: another version may lay out (and check) its bytes differently.
        if (bytes[0] != FormatVersion)
        {
            throw Invalid($"has format version {bytes[0]}; this SDK reads version {FormatVersion} (resume with the SDK version that issued it, or start a new walk)");
        }

        var body = bytes.AsSpan(0, bytes.Length - ChecksumLength);
        if (!Checksum(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - ChecksumLength)))
        {
            throw Invalid("fails its checksum: it was altered, cut or mistyped after Page<T>.ContinuationToken handed it out");
        }

        if (bytes[1] != (byte)kind)
        {
            throw Invalid($"was issued by a listing paged by {Describe(bytes[1])}; this listing is paged by {Describe((byte)kind)}");
        }

        try
        {
            return JsonSerializer.Deserialize(body[HeaderLength..], typeInfo)
                ?? throw Invalid("holds no state");
        }
        catch (JsonException)
        {
            throw Invalid("holds a state this SDK cannot read");
        }
    }

    /// <summary>The error for a token whose envelope is sound but whose state cannot be resumed here.</summary>
    /// <param name="reason">What is wrong, completing "continuationToken …".</param>
    /// <returns>The exception to throw.</returns>
    public static ArgumentException Invalid(string reason) =>
        new($"{ParameterName} {reason}. Pass the token exactly as Page<T>.ContinuationToken returned it, to the same listing with the same arguments, or null to start from the first page.", ParameterName);

    /// <summary>Refuses a token issued for another page size.</summary>
    /// <param name="tokenPageSize">The page size in the token.</param>
    /// <param name="pageSize">The resuming pageable's page size.</param>
    public static void RequireSamePageSize(int tokenPageSize, int pageSize)
    {
        // A walk's position only means something at its own page size (page 3 of 10 is not page 3 of 25, and
        // the keyset's ladder depends on the sizes it asked for), so another size is refused, not converted.
        if (tokenPageSize != pageSize)
        {
            throw Invalid($"was issued for pages of {tokenPageSize} items but this listing asks for {pageSize}: resume with the page size the walk started with");
        }
    }

    private static byte[]? DecodeCanonicalBase64Url(string token)
    {
        foreach (var c in token)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return null;
            }
        }

        if (token.Length == 0 || !Base64Url.IsValid(token))
        {
            return null;
        }

        var bytes = Base64Url.DecodeFromChars(token);

        // Base64 lets the last character's unused bits vary; only the text this codec writes is accepted,
        // so one token has one spelling.
        return string.Equals(Base64Url.EncodeToString(bytes), token, StringComparison.Ordinal) ? bytes : null;
    }

    private static byte[] Checksum(ReadOnlySpan<byte> body)
    {
        var input = new byte[Label.Length + body.Length];
        Label.CopyTo(input, 0);
        body.CopyTo(input.AsSpan(Label.Length));
        return SHA256.HashData(input)[..ChecksumLength];
    }

    private static string Describe(byte kind) => (ContinuationKind)kind switch
    {
        ContinuationKind.OneBasedPages => "page numbers counted from 1",
        ContinuationKind.ZeroBasedPages => "page indexes counted from 0",
        ContinuationKind.TimeKeyset => "a time keyset (created_to)",
        _ => $"an unknown style ({kind})",
    };
}
