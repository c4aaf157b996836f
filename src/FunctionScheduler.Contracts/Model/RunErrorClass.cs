namespace FunctionScheduler.Contracts;

/// <summary>How a failed run failed, coarse enough to count in metrics.</summary>
public enum RunErrorClass
{
    /// <summary>No error.</summary>
    None,

    /// <summary>An attempt exceeded the target's timeout.</summary>
    Timeout,

    /// <summary>The connection could not be made or broke (DNS, refused, reset, TLS).</summary>
    Connection,

    /// <summary>The target answered with a non-success status.</summary>
    HttpStatus,

    /// <summary>The outbound guard refused the target's address (loopback, link-local, private) before any request.</summary>
    TargetRefused,

    /// <summary>The host was shutting down or the run was cancelled.</summary>
    Canceled,

    /// <summary>The identity token the target asks for (target.auth) could not be obtained; no request was sent.</summary>
    IdentityToken,

    /// <summary>
    /// The target answered with a status its task accepts, but the body failed the task's check
    /// (<c>target.success.body</c>); retried only when <c>target.success.retry</c> says so.
    /// </summary>
    Assertion,
}
