using System.Text;

namespace ChatApis.Reliability.Tests.Support;

/// <summary>One request as a <see cref="RawHttpServer"/> read it off the socket.</summary>
/// <param name="Connection">The connection it came on (1 = the first socket the server accepted).</param>
/// <param name="Method">The request line's method.</param>
/// <param name="Target">The request line's target: path and query, exactly as sent.</param>
/// <param name="Headers">The header fields, names case-insensitive; repeated fields joined with ", ".</param>
/// <param name="Body">The body bytes.</param>
public sealed record RawHttpRequest(int Connection, string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The target without its query.</summary>
    public string Path => Target.Split('?', 2)[0];

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    public override string ToString() => $"{Method} {Target} (connection {Connection})";
}
