namespace FunctionScheduler.Core.Targets;

/// <summary>What <see cref="SignatureVerifier"/> concluded about a request.</summary>
public enum SignatureCheck
{
    /// <summary>The signature matches and its timestamp is fresh.</summary>
    Valid,

    /// <summary>No signature header, or no run id to check it against.</summary>
    Missing,

    /// <summary>The header is not <c>t=&lt;digits&gt;,v1=&lt;64 hex digits&gt;</c>.</summary>
    Malformed,

    /// <summary>The timestamp is further from now than the tolerance (a replay, or a badly skewed clock).</summary>
    Expired,

    /// <summary>The signature does not match: wrong key, or the run id or body was changed.</summary>
    Mismatch,
}
