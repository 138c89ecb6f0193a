using Microsoft.Extensions.Logging;

namespace ChatApis.Diagnostics;

// The token manager's messages. Like every other log line they never carry a token: a store failure is
// named by its exception type only (a store's own message might quote what it was asked to write).
internal static partial class Log
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "{Vendor} could not save the rotated OAuth tokens to the token store ({Reason}); the client keeps using them from memory and retries the save on its next calls")]
    public static partial void TokenSaveFailed(ILogger logger, string vendor, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Debug, Message = "{Vendor} token store still failing ({Reason}); the unsaved OAuth tokens stay in memory")]
    public static partial void TokenSaveStillFailing(ILogger logger, string vendor, string reason);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "{Vendor} saved the OAuth tokens that were waiting in memory to the token store")]
    public static partial void UnsavedTokensSaved(ILogger logger, string vendor);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "{Vendor} could not read the token store ({Reason}); using the OAuth tokens held in memory")]
    public static partial void TokenStoreReadFailed(ILogger logger, string vendor, string reason);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "{Vendor} token store holds another pair than the unsaved one in memory (written elsewhere); using the stored pair")]
    public static partial void UnsavedTokensSuperseded(ILogger logger, string vendor);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "{Vendor} token endpoint answered a token_type other than Bearer; requests keep sending Bearer, the only scheme the vendor documents")]
    public static partial void TokenTypeNotBearer(ILogger logger, string vendor);

    [LoggerMessage(EventId = 107, Level = LogLevel.Debug, Message = "{Vendor} OAuth refresh not attempted: the token endpoint already rejected the stored refresh token; re-authorization is required")]
    public static partial void RefreshSkippedRejectedGrant(ILogger logger, string vendor);
}
