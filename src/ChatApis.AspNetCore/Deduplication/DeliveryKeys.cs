using System.Security.Cryptography;
using System.Text;

namespace ChatApis.AspNetCore;

/// <summary>Builds delivery keys: the vendor's event id where there is a usable one, else a SHA-256 of the body.</summary>
internal static class DeliveryKeys
{
    private const int MaxIdLength = 128;

    public static string FromId(string source, string id) =>
        IsPlain(id) ? $"{source}:id:{id}" : $"{source}:id-sha256:{Hash(Encoding.UTF8.GetBytes(id))}";

    public static string FromBody(string source, ReadOnlySpan<byte> body) => $"{source}:sha256:{Hash(body)}";

    private static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    // An id that is short and printable ASCII is kept as is (readable in logs and in a shared store); anything else is hashed.
    private static bool IsPlain(string id) =>
        id.Length is > 0 and <= MaxIdLength && id.All(c => c is > ' ' and < (char)127);
}
