using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.Targets;

/// <summary>Checks <see cref="SigningOptions"/> at start: a key id, and a secret of at least 32 bytes.</summary>
public sealed partial class SigningOptionsValidator : IValidateOptions<SigningOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!KeyIdRegex().IsMatch(options.KeyId))
        {
            failures.Add("Scheduler:Signing:KeyId is required: 1 to 64 letters, digits, '.', '_' or '-'.");
        }

        var key = SigningKey.TryGetBytes(options.Secret);
        if (key is null || key.Length < SigningOptions.MinimumKeyBytes)
        {
            failures.Add(
                "Scheduler:Signing:Secret is required: at least 32 bytes of UTF-8 text, or 'base64:' followed by base64 of at least 32 bytes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyIdRegex();
}
