using ChatApis.Safety;

namespace ChatApis.Redis;

/// <summary>
/// The Redis keys of one connected account. The account key is a name the application chooses (e.g. the
/// AssistLoop account id or "zipchat-support-bot"), never a credential: keys are visible to anyone who can list
/// them. The braces make every key of one account hash to the same slot of a Redis Cluster, so the Lua scripts
/// that touch two of them stay valid there.
/// </summary>
internal sealed class RedisAccountKeys
{
    public RedisAccountKeys(string prefix, string accountKey)
    {
        Guard.MaxLength(accountKey, 200);
        if (accountKey.Any(c => char.IsControl(c) || c is '{' or '}' or ' '))
        {
            throw new ArgumentException("accountKey must not hold spaces, braces or control characters.", nameof(accountKey));
        }

        Guard.NotEmpty(prefix);
        var root = $"{prefix}{{{accountKey}}}";
        Tokens = $"{root}:tokens";
        RefreshLock = $"{root}:refresh-lock";
        RatePrefix = $"{root}:rate:";
    }

    public string Tokens { get; }

    public string RefreshLock { get; }

    public string RatePrefix { get; }
}
