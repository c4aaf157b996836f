using Azure.Core;
using Azure.Identity;

namespace FunctionScheduler.Functions.Hosting;

/// <summary>
/// The credential for exporting to Application Insights with Microsoft Entra authentication, read from the
/// APPLICATIONINSIGHTS_AUTHENTICATION_STRING app setting ("Authorization=AAD;ClientId=&lt;user-assigned identity&gt;").
/// </summary>
public static class ApplicationInsightsCredential
{
    /// <summary>
    /// A managed identity credential for the given client id; <see cref="DefaultAzureCredential"/> for
    /// "Authorization=AAD" alone (a system-assigned identity, or a developer's sign-in); null when the setting is
    /// absent (the connection string's key is used).
    /// </summary>
    public static TokenCredential? FromAuthenticationString(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var scheme) || !scheme.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "APPLICATIONINSIGHTS_AUTHENTICATION_STRING must be \"Authorization=AAD\", optionally followed by \";ClientId=<client id>\".");
        }

        return parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
    }
}
