namespace FunctionScheduler.Core.Targets;

/// <summary>
/// The keys <see cref="SigningOptions"/> configures, as one list whichever way they were given, and the rule for
/// when a key signs: from <see cref="SigningKeyOptions.NotBefore"/> (inclusive) until
/// <see cref="SigningKeyOptions.NotAfter"/> (exclusive). The validator and the signer both read keys through here.
/// </summary>
internal static class SigningKeyWindows
{
    /// <summary>The configured keys: the single key as one entry without a window, or <see cref="SigningOptions.Keys"/>.</summary>
    public static IReadOnlyList<SigningKeyOptions> Of(SigningOptions options) =>
        options.HasSingleKey ? [new SigningKeyOptions { Id = options.KeyId, Secret = options.Secret }] : [.. options.Keys];

    /// <summary>Whether a key with this window signs at <paramref name="instant"/>.</summary>
    public static bool IsActive(DateTimeOffset? notBefore, DateTimeOffset? notAfter, DateTimeOffset instant) =>
        (notBefore is not { } start || start <= instant) && (notAfter is not { } end || instant < end);

    /// <summary>
    /// The first instant at or after <paramref name="from"/> at which no key of <paramref name="keys"/> is active,
    /// or null when some key is active at every instant from then on.
    /// </summary>
    public static DateTimeOffset? FirstGap(IReadOnlyList<SigningKeyOptions> keys, DateTimeOffset from)
    {
        var instant = from;
        while (true)
        {
            // Of the keys active at the instant, the one that lasts longest carries coverage furthest.
            var active = keys.Where(k => IsActive(k.NotBefore, k.NotAfter, instant)).ToList();
            if (active.Count == 0)
            {
                return instant;
            }

            if (active.Any(k => k.NotAfter is null))
            {
                return null;
            }

            // Each step moves to a later NotAfter, so the loop ends within as many steps as there are keys.
            instant = active.Max(k => k.NotAfter!.Value);
        }
    }
}
