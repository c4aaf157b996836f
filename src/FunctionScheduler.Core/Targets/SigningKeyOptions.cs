namespace FunctionScheduler.Core.Targets;

/// <summary>One entry of <see cref="SigningOptions.Keys"/>: a key and the window in which it signs.</summary>
public sealed class SigningKeyOptions
{
    /// <summary>Sent in X-Scheduler-Key-Id; 1 to 64 letters, digits, '.', '_' or '-', unique among the keys.</summary>
    public string Id { get; set => field = value ?? ""; } = "";

    /// <summary>The HMAC-SHA256 secret, written as <see cref="SigningOptions.Secret"/>; unique among the keys.</summary>
    public string Secret { get; set => field = value ?? ""; } = "";

    /// <summary>The key signs from this instant on (inclusive); always when null.</summary>
    public DateTimeOffset? NotBefore { get; set; }

    /// <summary>The key signs until this instant (exclusive); forever when null.</summary>
    public DateTimeOffset? NotAfter { get; set; }
}
