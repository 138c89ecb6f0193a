using ChatApis.Http;
using ChatApis.Safety;

namespace ChatApis.Chatting;

/// <summary>Settings of a <see cref="ChattingClient"/>: the API key plus the shared retry and timeout settings.</summary>
public sealed class ChattingClientOptions : ChatApiClientOptions
{
    /// <summary>The configuration section conventionally used: <c>ChatApis:Chatting</c>.</summary>
    public const string DefaultSectionName = "ChatApis:Chatting";

    /// <summary>
    /// The workspace's Zapier API key, sent in the <c>X-API-Key</c> header; never logged. Its format is
    /// not checked (keys have had more than one prefix), only that it is present.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <inheritdoc />
    protected override IEnumerable<string?> Credentials() => [ApiKey];

    /// <inheritdoc />
    public override IEnumerable<string> Validate()
    {
        foreach (var problem in base.Validate())
        {
            yield return problem;
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return $"{nameof(ApiKey)} is required (the Chatting Zapier API key sent as X-API-Key).";
        }
        else if (HeaderValueRule.Problem(ApiKey) is not null)
        {
            yield return $"{nameof(ApiKey)} must hold only visible ASCII characters (it is sent in the X-API-Key header).";
        }
    }
}
