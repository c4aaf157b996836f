using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// Checks <see cref="SigningOptions"/> at start: the single key or a list of keys, not both; each key with an id
/// and a secret of at least 32 bytes; ids and secrets unique; each window's start before its end; and, on the clock
/// of <see cref="TimeProvider"/>, some key active at every instant from now on, so that no request ever goes out
/// unsigned.
/// </summary>
public sealed partial class SigningOptionsValidator(TimeProvider timeProvider) : IValidateOptions<SigningOptions>
{
    private const string Section = SigningOptions.SectionName + ":";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.HasSingleKey && options.Keys.Count > 0)
        {
            failures.Add($"{Section}KeyId/Secret and {Section}Keys are two ways to give the signing keys: give one. " +
                $"To rotate, move the current key into {Section}Keys:0 (Id, Secret) and remove KeyId and Secret.");
            return ValidateOptionsResult.Fail(failures);
        }

        if (!options.HasSingleKey && options.Keys.Count == 0)
        {
            failures.Add($"{Section}KeyId is required, with {Section}Secret (one key), or give {Section}Keys (several keys, to rotate).");
        }
        else if (options.HasSingleKey)
        {
            CheckKey(failures, Section + "KeyId", Section + "Secret", options.KeyId, options.Secret);
        }
        else
        {
            CheckKeys(failures, options.Keys);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckKeys(List<string> failures, IList<SigningKeyOptions> keys)
    {
        if (keys.Count > SigningOptions.MaxKeys)
        {
            failures.Add($"{Section}Keys holds {keys.Count} keys; at most {SigningOptions.MaxKeys} (every active key adds a signature to each request).");
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var prefix = Section + "Keys:" + i.ToString(CultureInfo.InvariantCulture) + ":";
            if (key is null)
            {
                failures.Add($"{prefix} is empty; give Id and Secret.");
                continue;
            }

            CheckKey(failures, prefix + "Id", prefix + "Secret", key.Id, key.Secret);
            if (key.Id.Length > 0 && !ids.Add(key.Id))
            {
                failures.Add($"{prefix}Id '{key.Id}' is given twice (ids compare case-insensitively).");
            }

            if (SigningKey.TryGetBytes(key.Secret) is { } bytes && !secrets.Add(Convert.ToBase64String(bytes)))
            {
                failures.Add($"{prefix}Secret is the same key as an earlier entry's; each id needs its own secret.");
            }

            if (key.NotBefore is { } start && key.NotAfter is { } end && start >= end)
            {
                failures.Add($"{prefix}NotBefore ({Format(start)}) must be before NotAfter ({Format(end)}).");
            }
        }

        if (failures.Count > 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        if (SigningKeyWindows.FirstGap([.. keys], now) is { } gap)
        {
            failures.Add(gap == now
                ? $"No key in {Section}Keys is active now ({Format(now)}): every request must be signed. Widen a window or add a key."
                : $"No key in {Section}Keys is active from {Format(gap)}: every request must be signed. Give the last key no NotAfter, or add a key that starts by then.");
        }
    }

    private static void CheckKey(List<string> failures, string idSetting, string secretSetting, string id, string secret)
    {
        if (!KeyIdRegex().IsMatch(id))
        {
            failures.Add($"{idSetting} is required: 1 to 64 letters, digits, '.', '_' or '-'.");
        }

        if (SigningKey.TryGetBytes(secret) is not { Length: >= SigningOptions.MinimumKeyBytes })
        {
            failures.Add($"{secretSetting} is required: at least 32 bytes of UTF-8 text, or 'base64:' followed by base64 of at least 32 bytes.");
        }
    }

    private static string Format(DateTimeOffset instant) => SchedulerHeaders.FormatInstant(instant);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyIdRegex();
}
