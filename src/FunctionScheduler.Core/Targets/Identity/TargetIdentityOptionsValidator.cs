using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.Targets.Identity;

/// <summary>Checks <see cref="TargetIdentityOptions"/> at start: a client id is a GUID, the token timeout within bounds.</summary>
public sealed class TargetIdentityOptionsValidator : IValidateOptions<TargetIdentityOptions>
{
    /// <summary>Shortest <see cref="TargetIdentityOptions.TokenTimeout"/>.</summary>
    public static readonly TimeSpan MinTokenTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Longest <see cref="TargetIdentityOptions.TokenTimeout"/>.</summary>
    public static readonly TimeSpan MaxTokenTimeout = TimeSpan.FromMinutes(5);

    private const string Section = TargetIdentityOptions.SectionName + ":";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TargetIdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) && !Guid.TryParseExact(options.ManagedIdentityClientId.Trim(), "D", out _))
        {
            failures.Add($"{Section}ManagedIdentityClientId must be the identity's client id, a GUID such as 00000000-0000-0000-0000-000000000000; got '{options.ManagedIdentityClientId}'.");
        }

        if (options.TokenTimeout < MinTokenTimeout || options.TokenTimeout > MaxTokenTimeout)
        {
            failures.Add($"{Section}TokenTimeout must be from {MinTokenTimeout} to {MaxTokenTimeout}; got {options.TokenTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
