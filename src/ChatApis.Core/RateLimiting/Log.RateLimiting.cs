using Microsoft.Extensions.Logging;

namespace ChatApis.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "The rate-limit budget '{Budget}' shared with other instances could not be reached ({ExceptionType}); this process applies its own in-process limit alone until it can")]
    public static partial void SharedRateLimitUnavailable(ILogger logger, string budget, string exceptionType);
}
