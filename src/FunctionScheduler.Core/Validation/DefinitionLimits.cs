namespace FunctionScheduler.Core.Validation;

/// <summary>The bounds <see cref="TaskDefinitionReader"/> enforces. Documented in docs/http-contract.md.</summary>
public static class DefinitionLimits
{
    /// <summary>Largest request body the reader looks at, in bytes.</summary>
    public const int MaxDocumentBytes = 1024 * 1024;

    /// <summary>Longest name, in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Longest description, in characters.</summary>
    public const int MaxDescriptionLength = 2000;

    /// <summary>Longest target URL, in characters.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>Largest request body sent to a target, in UTF-8 bytes.</summary>
    public const int MaxBodyBytes = 32 * 1024;

    /// <summary>Most headers, plain and secret together.</summary>
    public const int MaxHeaders = 50;

    /// <summary>Longest header value, in characters.</summary>
    public const int MaxHeaderValueLength = 8 * 1024;

    /// <summary>Longest identity token audience (target.auth.audience), in characters.</summary>
    public const int MaxAudienceLength = 512;

    /// <summary>Most attempts a retry policy may make.</summary>
    public const int MaxAttempts = 10;

    /// <summary>Largest catch-up limit.</summary>
    public const int MaxCatchUpLimit = 1000;

    /// <summary>Shortest interval.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    /// <summary>Largest jitter.</summary>
    public static readonly TimeSpan MaxJitter = TimeSpan.FromHours(1);

    /// <summary>Largest misfire grace.</summary>
    public static readonly TimeSpan MaxMisfireGrace = TimeSpan.FromDays(7);

    /// <summary>Shortest per-attempt timeout.</summary>
    public static readonly TimeSpan MinTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Longest per-attempt timeout.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Longest retry delay (initial or maximum).</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    /// <summary>Longest time a retry may still start after the first attempt began.</summary>
    public static readonly TimeSpan MaxRetryDuration = TimeSpan.FromHours(1);

    /// <summary>Largest autoPauseAfter.</summary>
    public const int MaxAutoPauseAfter = 1000;

    /// <summary>Shortest overdue tolerance.</summary>
    public static readonly TimeSpan MinOverdueTolerance = TimeSpan.FromSeconds(1);

    /// <summary>Longest overdue tolerance.</summary>
    public static readonly TimeSpan MaxOverdueTolerance = TimeSpan.FromDays(7);

    /// <summary>A failure action's per-attempt timeout when none is given: a notification is small and should be quick.</summary>
    public static readonly TimeSpan DefaultFailureActionTimeout = TimeSpan.FromSeconds(10);
}
