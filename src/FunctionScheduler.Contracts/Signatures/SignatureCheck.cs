namespace FunctionScheduler.Contracts;

/// <summary>What <see cref="SignatureVerifier"/> concluded about a request.</summary>
public enum SignatureCheck
{
    /// <summary>A signature matches one of the verifier's keys and its timestamp is fresh.</summary>
    Valid,

    /// <summary>No signature header, or no run id to check it against.</summary>
    Missing,

    /// <summary>The header is not <c>t=&lt;digits&gt;</c> with one or more <c>v1=&lt;64 hex digits&gt;</c>.</summary>
    Malformed,

    /// <summary>The timestamp is further from now than the tolerance (a replay, or a badly skewed clock).</summary>
    Expired,

    /// <summary>No signature matches any key: a wrong or retired key, or the run id or body was changed.</summary>
    Mismatch,
}
