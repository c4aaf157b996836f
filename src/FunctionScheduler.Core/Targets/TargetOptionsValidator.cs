using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.Targets;

/// <summary>Checks at start that every <see cref="TargetOptions.AllowedNetworks"/> entry is a CIDR, an address or a host name.</summary>
public sealed class TargetOptionsValidator : IValidateOptions<TargetOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.AllowedNetworks
            .Where(entry => !TargetAddressPolicy.TryParseEntry(entry, out _, out _))
            .Select(entry => "Scheduler:Targets:AllowedNetworks: '" + entry + "' is neither a CIDR, an IP address nor a host name.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
