using Microsoft.Extensions.Logging;

namespace FunctionScheduler.Core.Targets.Identity;

/// <summary>Log events of target identity tokens; ids 2150-2159 (listed in docs/telemetry.md). A token is never logged.</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(EventId = 2150, EventName = "TargetTokenObtained", Level = LogLevel.Debug,
        Message = "Obtained a target token for scope {Scope}, valid until {ExpiresOn}")]
    public static partial void TokenObtained(ILogger logger, string scope, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 2151, EventName = "TargetTokenFailed", Level = LogLevel.Warning,
        Message = "No target token for scope {Scope}: {ErrorType}")]
    public static partial void TokenFailed(ILogger logger, string scope, string errorType);

    [LoggerMessage(EventId = 2152, EventName = "TargetTokenRefreshFailed", Level = LogLevel.Warning,
        Message = "Refreshing the target token for scope {Scope} failed ({ErrorType}); the cached token, valid until {ExpiresOn}, is used meanwhile")]
    public static partial void RefreshFailed(ILogger logger, string scope, string errorType, DateTimeOffset expiresOn);
}
