using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>Checks <see cref="TableStorageOptions"/> at start, naming the configuration key of every broken rule.</summary>
internal sealed class TableStorageOptionsValidator : IValidateOptions<TableStorageOptions>
{
    private const string Section = TableStorageOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasEndpoint = options.TableEndpoint is not null;

        if (!hasConnectionString && !hasEndpoint)
        {
            failures.Add($"Set {Section}ConnectionString (Azurite, development) or {Section}TableEndpoint " +
                "(https://<account>.table.core.windows.net, with a managed identity); neither is set.");
        }
        else if (hasConnectionString && hasEndpoint)
        {
            failures.Add($"Set only one of {Section}ConnectionString and {Section}TableEndpoint; both are set.");
        }

        if (hasEndpoint && options.TableEndpoint is { } endpoint &&
            (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps))
        {
            // Azure.Core refuses to send a bearer token over plain http, so fail here rather than on the first call.
            failures.Add($"{Section}TableEndpoint must be an absolute https URL; got '{endpoint}'.");
        }

        if (hasConnectionString && !string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
        {
            failures.Add($"{Section}ManagedIdentityClientId applies only with {Section}TableEndpoint, " +
                $"not with {Section}ConnectionString.");
        }

        if (!string.IsNullOrEmpty(options.ContinuationTokenSecret) && PageTokens.KeyMaterial(options) is null)
        {
            failures.Add($"{Section}ContinuationTokenSecret must be at least {TableStorageOptions.MinimumTokenSecretBytes} bytes of UTF-8 " +
                "text, or 'base64:' followed by base64 of as many bytes (when unset it is derived from Scheduler:Signing:Secret).");
        }
        else if (hasEndpoint && PageTokens.KeyMaterial(options) is null)
        {
            failures.Add($"Set {Section}ContinuationTokenSecret, or Scheduler:Signing:Secret that it is derived from, " +
                "to key the continuation tokens of listings; with a table endpoint nothing else can.");
        }

        if (!IsValidPrefix(options.TablePrefix))
        {
            failures.Add($"{Section}TablePrefix must be a letter followed by letters or digits, at most " +
                $"{TableStorageOptions.MaxTablePrefixLength} characters; got '{options.TablePrefix}'.");
        }

        if (options.RequestTimeout < TableStorageOptions.MinRequestTimeout || options.RequestTimeout > TableStorageOptions.MaxRequestTimeout)
        {
            failures.Add($"{Section}RequestTimeout must be between {TableStorageOptions.MinRequestTimeout} and " +
                $"{TableStorageOptions.MaxRequestTimeout}; got {options.RequestTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsValidPrefix(string? prefix) =>
        !string.IsNullOrEmpty(prefix)
        && prefix.Length <= TableStorageOptions.MaxTablePrefixLength
        && char.IsAsciiLetter(prefix[0])
        && prefix.All(char.IsAsciiLetterOrDigit);
}
