using ChatApis.Http;
using ChatApis.Safety;

namespace ChatApis.Zipchat;

/// <summary>
/// Settings of a <see cref="ZipchatClient"/>: the Backend API key and the chat every call is scoped to,
/// plus the shared retry and timeout settings. The default <see cref="ChatApiClientOptions.BaseAddress"/>
/// is <c>https://app.zipchat.ai/api/integrations/backend_api/v1/</c>; an override must keep that path
/// (e.g. <c>new Uri(simulator.BaseAddress, "api/integrations/backend_api/v1/")</c>).
/// </summary>
public sealed class ZipchatClientOptions : ChatApiClientOptions
{
    /// <summary>The configuration section conventionally used: <c>ChatApis:Zipchat</c>.</summary>
    public const string DefaultSectionName = "ChatApis:Zipchat";

    /// <summary>
    /// The Backend API key from Settings &gt; Integrations, sent as a bearer token; never logged. Zipchat
    /// keys start with <c>zc-</c>, but a key without that prefix is not rejected here (the server is the
    /// judge, and answers 401 for a key it does not know).
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The id of the chat every call is scoped to (the <c>:chat_id</c> of every path); required, &gt; 0.</summary>
    public long ChatId { get; set; }

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
            yield return $"{nameof(ApiKey)} is required (the Zipchat Backend API key, which starts with 'zc-').";
        }
        else if (HeaderValueRule.Problem(ApiKey) is not null)
        {
            yield return $"{nameof(ApiKey)} must hold only visible ASCII characters (it is sent in the Authorization header).";
        }

        if (ChatId <= 0)
        {
            yield return $"{nameof(ChatId)} is required and must be a positive chat id (was {ChatId}).";
        }
    }
}
