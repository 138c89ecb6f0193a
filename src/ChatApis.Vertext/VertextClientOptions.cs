using ChatApis.Http;
using ChatApis.Safety;

namespace ChatApis.Vertext;

/// <summary>Settings of a <see cref="VertextClient"/>: the access token plus the shared retry and timeout settings.</summary>
public sealed class VertextClientOptions : ChatApiClientOptions
{
    /// <summary>The configuration section conventionally used: <c>ChatApis:Vertext</c>.</summary>
    public const string DefaultSectionName = "ChatApis:Vertext";

    /// <summary>The bearer access token that identifies the Vertext user; never logged.</summary>
    public string? AccessToken { get; set; }

    /// <inheritdoc />
    protected override IEnumerable<string?> Credentials() => [AccessToken];

    /// <inheritdoc />
    public override IEnumerable<string> Validate()
    {
        foreach (var problem in base.Validate())
        {
            yield return problem;
        }

        if (string.IsNullOrWhiteSpace(AccessToken))
        {
            yield return $"{nameof(AccessToken)} is required (the Vertext Zapier API access token).";
        }
        else if (HeaderValueRule.Problem(AccessToken) is not null)
        {
            yield return $"{nameof(AccessToken)} must hold only visible ASCII characters (it is sent in the Authorization header).";
        }
    }
}
