namespace FunctionScheduler.Contracts;

/// <summary>The request headers a receiver reads to verify a scheduler call (docs/signatures.md).</summary>
public static class SignatureHeaders
{
    /// <summary><c>t=&lt;unix seconds&gt;</c> and one <c>v1=&lt;hex HMAC-SHA256&gt;</c> per signing key active when the attempt was signed.</summary>
    public const string Signature = "X-Scheduler-Signature";

    /// <summary>The ids of the keys that signed, comma-separated, in the order of the <c>v1</c> entries.</summary>
    public const string KeyId = "X-Scheduler-Key-Id";

    /// <summary>The run id, which the signature covers; the same on every attempt of a run.</summary>
    public const string RunId = "X-Scheduler-Run-Id";
}
