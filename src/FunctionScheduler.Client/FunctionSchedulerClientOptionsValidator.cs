using Microsoft.Extensions.Options;

namespace FunctionScheduler.Client;

/// <summary>Refuses options the client could not work with, naming the setting, before any request is sent.</summary>
public sealed class FunctionSchedulerClientOptionsValidator : IValidateOptions<FunctionSchedulerClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, FunctionSchedulerClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Endpoint is not { } endpoint)
        {
            failures.Add("Endpoint is required: the scheduler's base address, such as http://127.0.0.1:5080.");
        }
        else if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"Endpoint '{endpoint}' is not an absolute http or https address.");
        }
        else if (endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0)
        {
            failures.Add($"Endpoint '{endpoint}' carries a query or fragment; give the base address only.");
        }

        CheckKey(failures, nameof(options.ApiKey), options.ApiKey);
        CheckKey(failures, nameof(options.FunctionKey), options.FunctionKey);
        if (options.ApiKey is not null && options.FunctionKey is not null)
        {
            failures.Add("Set ApiKey (standalone host) or FunctionKey (Azure Functions), not both.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // A key becomes a header value: CR, LF or other control characters would break the request (or smuggle headers).
    private static void CheckKey(List<string> failures, string setting, string? key)
    {
        if (key is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(key))
        {
            failures.Add($"{setting} is empty; leave it unset instead.");
        }
        else if (key.Any(c => c < 0x20 || c > 0x7E))
        {
            failures.Add($"{setting} holds a control or non-ASCII character; a key is sent as an HTTP header value.");
        }
    }
}
