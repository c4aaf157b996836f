namespace FunctionScheduler.Core.Targets;

/// <summary>One attempt's signature: the <see cref="SchedulerHeaders.Signature"/> value and the ids of the keys in it.</summary>
/// <param name="Header">t=&lt;unix seconds&gt; and one v1 per key, in the order of <paramref name="KeyIds"/>.</param>
/// <param name="KeyIds">The keys that signed, in configuration order.</param>
public sealed record RequestSignature(string Header, IReadOnlyList<string> KeyIds)
{
    /// <summary>The <see cref="SchedulerHeaders.KeyId"/> value: the ids, comma-separated.</summary>
    public string KeyIdHeader => string.Join(',', KeyIds);
}
