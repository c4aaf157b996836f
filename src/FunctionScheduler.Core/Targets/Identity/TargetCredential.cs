using Azure.Core;
using Azure.Identity;

namespace FunctionScheduler.Core.Targets.Identity;

/// <summary>The credential target tokens are obtained with, as <see cref="TargetIdentityOptions"/> configure it.</summary>
public static class TargetCredential
{
    /// <summary>
    /// <see cref="ManagedIdentityCredential"/> for the user-assigned identity when a client id is configured (Azure),
    /// otherwise <see cref="DefaultAzureCredential"/> (a system-assigned identity, or a developer's sign-in).
    /// Creating either sends nothing; the first token request does.
    /// </summary>
    public static TokenCredential Create(TargetIdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId.Trim()));
    }
}
