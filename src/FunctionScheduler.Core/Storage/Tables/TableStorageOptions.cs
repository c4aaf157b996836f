namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// Where the task index lives (configuration section <c>Scheduler:Storage</c>). Give either
/// <see cref="ConnectionString"/> (Azurite, development) or <see cref="TableEndpoint"/> (production, managed identity),
/// never both.
/// </summary>
public sealed class TableStorageOptions
{
    /// <summary>The configuration section the hosts bind.</summary>
    public const string SectionName = "Scheduler:Storage";

    /// <summary>The table name prefix used when none is configured.</summary>
    public const string DefaultTablePrefix = "scheduler";

    /// <summary>Longest prefix: the longest table name (prefix + "TaskIds") must stay within Table Storage's 63 characters.</summary>
    public const int MaxTablePrefixLength = 63 - 7;

    /// <summary>A storage connection string (Azurite or an account key). Development only: production uses <see cref="TableEndpoint"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The account's table endpoint, https://&lt;account&gt;.table.core.windows.net, reached with a Microsoft Entra token.</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>
    /// Client id of the user-assigned managed identity used with <see cref="TableEndpoint"/>. When empty,
    /// DefaultAzureCredential picks a credential itself (system-assigned identity, or a developer's sign-in).
    /// </summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Keys the continuation tokens of listings, so that a token the service did not issue is refused: at least
    /// <see cref="MinimumTokenSecretBytes"/> bytes of UTF-8 text, or <c>base64:</c> and base64. Bound from
    /// configuration, it falls back to <c>Scheduler:Signing:Secret</c> (a key is derived from it, never the secret
    /// itself used); set in code without one, to <see cref="ConnectionString"/> (development: Azurite's key is
    /// public). Every host of one index must agree on it.
    /// </summary>
    public string? ContinuationTokenSecret { get; set; }

    /// <summary>Shortest <see cref="ContinuationTokenSecret"/>, in bytes.</summary>
    public const int MinimumTokenSecretBytes = 32;

    /// <summary>The shortest and longest <see cref="RequestTimeout"/> accepted.</summary>
    public static readonly TimeSpan MinRequestTimeout = TimeSpan.FromMilliseconds(500);

    /// <inheritdoc cref="MinRequestTimeout"/>
    public static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest one storage request may take, retries included; after it the request fails as an outage (the
    /// API answers 503, the dispatcher backs off and tries again). Table operations answer in milliseconds when the
    /// service is healthy, so a few seconds tell "down" from "slow" without keeping callers waiting.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Prefix of the table names (&lt;prefix&gt;Tasks, &lt;prefix&gt;TaskIds, &lt;prefix&gt;Runs, &lt;prefix&gt;Hosts): a letter, then letters or digits.</summary>
    public string TablePrefix { get; set; } = DefaultTablePrefix;
}
