using System.Collections.Concurrent;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// The <see cref="SecretRedactor"/> of each target's secrets plus the signing secret, built once per set of secret
/// values (building one compiles a pattern; fires of the same task reuse it).
/// </summary>
internal sealed class SecretRedactors(IReadOnlyList<string> signingSecretSpellings)
{
    // Secret values are user data; bounded like the retry pipelines, so that many tasks cannot grow it without end.
    private const int MaxCached = 256;

    private readonly ConcurrentDictionary<string, SecretRedactor> _cache = new(StringComparer.Ordinal);

    public SecretRedactor For(HttpTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var secrets = target.SecretHeaders.Values.SelectMany(SecretRedactor.SpellingsOf).Concat(signingSecretSpellings).ToList();
        var key = string.Join('\0', secrets);
        if (_cache.TryGetValue(key, out var redactor))
        {
            return redactor;
        }

        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }

        return _cache.GetOrAdd(key, _ => SecretRedactor.For(secrets));
    }
}
