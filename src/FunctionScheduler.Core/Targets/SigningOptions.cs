namespace FunctionScheduler.Core.Targets;

/// <summary>
/// The keys that sign every request (configuration section <c>Scheduler:Signing</c>): either one key as
/// <see cref="KeyId"/> and <see cref="Secret"/>, or several in <see cref="Keys"/>, each with an optional validity
/// window, to rotate keys with no gap (docs/signatures.md). Validated at start by <see cref="SigningOptionsValidator"/>.
/// </summary>
public sealed class SigningOptions
{
    /// <summary>Configuration section, relative to the root.</summary>
    public const string SectionName = "Scheduler:Signing";

    /// <summary>Prefix that marks a secret as base64: <c>base64:q83v...</c>.</summary>
    public const string Base64Prefix = SigningKey.Base64Prefix;

    /// <summary>Shortest key accepted, in bytes (the HMAC-SHA256 block-size guidance: at least the hash length).</summary>
    public const int MinimumKeyBytes = SigningKey.MinimumBytes;

    /// <summary>Most keys in <see cref="Keys"/>: each active key adds a signature to every request.</summary>
    public const int MaxKeys = 8;

    /// <summary>
    /// The one key's id, sent as X-Scheduler-Key-Id so receivers know which key to verify with; letters, digits,
    /// '.', '_', '-'. Leave empty when <see cref="Keys"/> is used.
    /// </summary>
    public string KeyId { get; set => field = value ?? ""; } = "";

    /// <summary>
    /// The one key's HMAC-SHA256 secret: its UTF-8 bytes, or with the <see cref="Base64Prefix"/> the decoded bytes of
    /// the rest. At least <see cref="MinimumKeyBytes"/> bytes either way. Leave empty when <see cref="Keys"/> is used.
    /// </summary>
    public string Secret { get; set => field = value ?? ""; } = "";

    /// <summary>
    /// Several keys (<c>Scheduler:Signing:Keys:0:Id</c>, <c>...:Secret</c>, <c>...:NotBefore</c>, <c>...:NotAfter</c>):
    /// every request carries one signature per key active at the instant it is signed, in this order.
    /// </summary>
    public IList<SigningKeyOptions> Keys { get; } = [];

    // Configuration binds a setting given as null (an override removing it) as null: it reads as not given.

    /// <summary>Whether the single-key settings are used (any of them given).</summary>
    internal bool HasSingleKey => KeyId.Length > 0 || Secret.Length > 0;
}
