namespace FunctionScheduler.Cli;

/// <summary>The exit codes scripts can rely on; documented in docs/cli.md and never renumbered.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>Anything not covered below: an unexpected status or answer.</summary>
    public const int Failure = 1;

    /// <summary>The command line, the configuration or a --file could not be used; nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary>The definition or a parameter breaks a rule (HTTP 400); every field error is printed.</summary>
    public const int Invalid = 3;

    /// <summary>No such task (HTTP 404).</summary>
    public const int NotFound = 4;

    /// <summary>The request conflicts with the task (HTTP 409): the id is taken, the group changed, the task completed.</summary>
    public const int Conflict = 5;

    /// <summary>The key is missing or wrong (HTTP 401 or 403).</summary>
    public const int Unauthorized = 6;

    /// <summary>The scheduler could not be reached, timed out, or is unavailable (HTTP 429, 502, 503, 504): try again later.</summary>
    public const int Unavailable = 7;

    /// <summary>The exit code for a failure with HTTP <paramref name="status"/> (0: no response).</summary>
    public static int ForStatus(int status) => status switch
    {
        0 or 429 or 502 or 503 or 504 => Unavailable,
        400 or 413 or 415 => Invalid,
        401 or 403 => Unauthorized,
        404 => NotFound,
        409 => Conflict,
        _ => Failure,
    };
}
