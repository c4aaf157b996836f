using System.Collections.Concurrent;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// The <see cref="SecretRedactor"/> of each target's secrets plus every signing secret (and an attempt's identity
/// token), built once per set of secret values (building one compiles a pattern; fires of the same task reuse it, and
/// a token is the same for an hour or more).
/// </summary>
internal sealed class SecretRedactors(IReadOnlyList<string> signingSecretSpellings)
{
    // Secret values are user data; bounded like the retry pipelines, so that many tasks cannot grow it without end.
    private const int MaxCached = 256;

    /// <summary>The scheme of the Authorization value an identity token is sent in.</summary>
    public const string BearerPrefix = "Bearer ";

    private readonly ConcurrentDictionary<string, SecretRedactor> _cache = new(StringComparer.Ordinal);

    public SecretRedactor For(HttpTarget target, string? bearerToken = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var sent = bearerToken is null ? target.SecretHeaders.Values : target.SecretHeaders.Values.Append(BearerPrefix + bearerToken);
        var secrets = sent.SelectMany(SecretRedactor.SpellingsOf).Concat(signingSecretSpellings).ToList();
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
