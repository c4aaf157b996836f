using Polly;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// One invocation's progress, shared by its attempts and by the retry callbacks of the (cached, shared) pipeline,
/// which find it in the resilience context under <see cref="Key"/>.
/// </summary>
internal sealed class InvocationState(
    TargetInvocation invocation, byte[]? body, SecretRedactor redactor, CancellationTokenSource budget, long startTimestamp)
{
    public static readonly ResiliencePropertyKey<InvocationState> Key = new("FunctionScheduler.Invocation");

    public TargetInvocation Invocation { get; } = invocation;

    /// <summary>The body bytes sent and signed, or null for a request without body.</summary>
    public byte[]? Body { get; } = body;

    /// <summary>Removes the task's secrets (and the attempt's identity token, once there is one) from everything the target writes back.</summary>
    public SecretRedactor Redactor { get; set; } = redactor;

    /// <summary>Linked to the caller's token; cancelled by the retry callback to end a wait that would outlast MaxDuration.</summary>
    public CancellationTokenSource Budget { get; } = budget;

    /// <summary>TimeProvider timestamp of the first attempt's start.</summary>
    public long StartTimestamp { get; } = startTimestamp;

    /// <summary>Attempts whose request was sent (a refused attempt is not one).</summary>
    public int Attempts { get; set; }

    /// <summary>The latest attempt's result.</summary>
    public AttemptResult? Last { get; set; }

    /// <summary>The latest attempt that received a response: the run reports its status and snippet.</summary>
    public AttemptResult? LastResponse { get; set; }

    /// <summary>Set when retries stopped because the next one would have started after MaxDuration.</summary>
    public bool BudgetExhausted { get; set; }

    /// <summary>The ids of the keys that signed requests sent so far, each once, in order of first use.</summary>
    public List<string> SigningKeyIds { get; } = [];

    /// <summary>Notes the keys of a request that was sent.</summary>
    public void SignedWith(RequestSignature signature)
    {
        foreach (var id in signature.KeyIds.Where(id => !SigningKeyIds.Contains(id)))
        {
            SigningKeyIds.Add(id);
        }
    }
}
