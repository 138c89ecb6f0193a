using ChatApis.Http;

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
    }
}
