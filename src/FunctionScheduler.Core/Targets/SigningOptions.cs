namespace FunctionScheduler.Core.Targets;

/// <summary>
/// The key that signs every request (configuration section <c>Scheduler:Signing</c>). Validated at start by
/// <see cref="SigningOptionsValidator"/>.
/// </summary>
public sealed class SigningOptions
{
    /// <summary>Configuration section, relative to the root.</summary>
    public const string SectionName = "Scheduler:Signing";

    /// <summary>Prefix that marks <see cref="Secret"/> as base64: <c>base64:q83v...</c>.</summary>
    public const string Base64Prefix = "base64:";

    /// <summary>Shortest key accepted, in bytes (the HMAC-SHA256 block-size guidance: at least the hash length).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>Sent as X-Scheduler-Key-Id so receivers know which key to verify with; letters, digits, '.', '_', '-'.</summary>
    public string KeyId { get; set; } = "";

    /// <summary>
    /// The HMAC-SHA256 key: its UTF-8 bytes, or with the <see cref="Base64Prefix"/> the decoded bytes of the rest.
    /// At least <see cref="MinimumKeyBytes"/> bytes either way.
    /// </summary>
    public string Secret { get; set; } = "";
}
