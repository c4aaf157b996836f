using System.Collections.Frozen;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Validation;

/// <summary>Reads the HTTP target: the "target" object of the full form, or the top-level url/method of the short form.</summary>
internal static class TargetReader
{
    public const string DefaultContentType = "application/json";

    private static readonly FrozenSet<string> TargetNames = FrozenSet.ToFrozenSet(
        ["url", "method", "headers", "secretHeaders", "body", "contentType", "timeout", "retry", "success", "auth"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> RetryNames = FrozenSet.ToFrozenSet(
        ["maxAttempts", "initialDelay", "maxDelay", "maxDuration"], StringComparer.Ordinal);

    /// <summary>The target read from <paramref name="source"/>, or null when it has no usable URL.</summary>
    public static HttpTarget? Read(JsonObjectReader source, bool fullForm, HttpTarget? existing)
    {
        if (fullForm)
        {
            source.RejectUnknown(TargetNames);
        }

        var url = ReadUrl(source);
        var method = ReadMethod(source);
        if (!fullForm)
        {
            return url is null ? null : new HttpTarget { Url = url, Method = method };
        }

        var headers = HeaderReader.Read(source, "headers", kept: null);
        var secretHeaders = HeaderReader.Read(source, "secretHeaders", KeptSecrets.Of(existing, url));
        CheckHeadersTogether(source, headers, secretHeaders);
        var auth = AuthReader.Read(source, url, headers, secretHeaders);
        var body = source.String("body");
        if (body is not null && Encoding.UTF8.GetByteCount(body) > DefinitionLimits.MaxBodyBytes)
        {
            source.Errors.Add(source.PointerOf("body"), ValidationRules.MaxLength, $"The body must be at most {DefinitionLimits.MaxBodyBytes.ToString(CultureInfo.InvariantCulture)} bytes of UTF-8.");
        }

        var timeout = source.Duration("timeout");
        Bounds.Check(source.Errors, source.PointerOf("timeout"), timeout, DefinitionLimits.MinTimeout, DefinitionLimits.MaxTimeout);
        var contentType = ReadContentType(source);
        var retry = ReadRetry(source);
        var success = source.Object("success") is { } check ? SuccessReader.Read(check) : ResponseCheck.Default;
        if (url is null)
        {
            return null;
        }

        var target = new HttpTarget
        {
            Url = url,
            Method = method,
            Body = body,
            ContentType = contentType ?? (body is null ? null : DefaultContentType),
            Timeout = timeout ?? HttpTarget.DefaultTimeout,
            Retry = retry,
            Success = success,
            Auth = auth,
        };

        // Empty maps stay the model's shared empty default, so an omitted and an empty map read the same.
        return target with
        {
            Headers = headers.Count > 0 ? headers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase) : target.Headers,
            SecretHeaders = secretHeaders.Count > 0 ? secretHeaders.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase) : target.SecretHeaders,
        };
    }

    internal static Uri? ReadUrl(JsonObjectReader source)
    {
        source.Require("url");
        if (source.String("url") is not { } text)
        {
            return null;
        }

        var pointer = source.PointerOf("url");
        if (text.Length > DefinitionLimits.MaxUrlLength)
        {
            Bounds.CheckLength(source.Errors, pointer, text, DefinitionLimits.MaxUrlLength);
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            source.Errors.Add(pointer, ValidationRules.AbsoluteHttpUrl, $"'{text}' is not an absolute http or https URL.");
            return null;
        }

        if (url.UserInfo.Length > 0)
        {
            source.Errors.Add(pointer, ValidationRules.AbsoluteHttpUrl, "The URL must not carry user information; send credentials in 'secretHeaders'.");
            return null;
        }

        return url;
    }

    private static string ReadMethod(JsonObjectReader source)
    {
        if (source.String("method") is not { } text)
        {
            return "POST";
        }

        var method = text.ToUpperInvariant();
        if (!HeaderReader.IsToken(text))
        {
            source.Errors.Add(source.PointerOf("method"), ValidationRules.HttpMethod, $"'{text}' is not an HTTP method (an RFC 9110 token such as GET or POST).");
        }
        else if (method is "CONNECT" or "TRACE")
        {
            source.Errors.Add(source.PointerOf("method"), ValidationRules.HttpMethod, $"The scheduler does not send {method} requests.");
        }

        return method;
    }

    internal static void CheckHeadersTogether(JsonObjectReader source, Dictionary<string, string> headers, Dictionary<string, string> secretHeaders)
    {
        var secretPointer = source.PointerOf("secretHeaders");
        foreach (var name in secretHeaders.Keys.Where(headers.ContainsKey))
        {
            source.Errors.Add(FieldErrors.PointerOf(secretPointer, name), ValidationRules.DuplicateHeader, $"'{name}' is in both 'headers' and 'secretHeaders'.");
        }

        if (headers.Count + secretHeaders.Count > DefinitionLimits.MaxHeaders)
        {
            source.Errors.Add(source.Pointer, ValidationRules.MaxItems, $"At most {DefinitionLimits.MaxHeaders.ToString(CultureInfo.InvariantCulture)} headers in all ('headers' and 'secretHeaders' together).");
        }
    }

    private static string? ReadContentType(JsonObjectReader source)
    {
        if (source.String("contentType") is not { } text)
        {
            return null;
        }

        if (!MediaTypeHeaderValue.TryParse(text, out _))
        {
            source.Errors.Add(source.PointerOf("contentType"), ValidationRules.MediaType, $"'{text}' is not a media type such as application/json.");
            return null;
        }

        return text.Trim();
    }

    internal static TargetRetryPolicy ReadRetry(JsonObjectReader source)
    {
        if (source.Object("retry") is not { } retry)
        {
            return TargetRetryPolicy.Default;
        }

        retry.RejectUnknown(RetryNames);
        var errors = retry.Errors;
        var maxAttempts = retry.Integer("maxAttempts");
        Bounds.Check(errors, retry.PointerOf("maxAttempts"), maxAttempts, 1, DefinitionLimits.MaxAttempts);
        var initialDelay = retry.Duration("initialDelay");
        Bounds.Check(errors, retry.PointerOf("initialDelay"), initialDelay, TimeSpan.Zero, DefinitionLimits.MaxRetryDelay);
        var maxDelay = retry.Duration("maxDelay");
        Bounds.Check(errors, retry.PointerOf("maxDelay"), maxDelay, TimeSpan.Zero, DefinitionLimits.MaxRetryDelay);
        var maxDuration = retry.Duration("maxDuration");
        Bounds.Check(errors, retry.PointerOf("maxDuration"), maxDuration, TimeSpan.Zero, DefinitionLimits.MaxRetryDuration);

        var defaults = TargetRetryPolicy.Default;
        var initial = initialDelay ?? defaults.InitialDelay;
        if (maxDelay is { } longest && longest >= TimeSpan.Zero && longest < initial && initial <= DefinitionLimits.MaxRetryDelay)
        {
            errors.Add(retry.PointerOf("maxDelay"), ValidationRules.Min, "'maxDelay' must be at least 'initialDelay'.");
        }

        return new TargetRetryPolicy
        {
            MaxAttempts = (int?)maxAttempts ?? defaults.MaxAttempts,
            InitialDelay = initial,

            // An omitted maxDelay never undercuts a longer initialDelay the user chose.
            MaxDelay = maxDelay ?? (initial > defaults.MaxDelay ? initial : defaults.MaxDelay),
            MaxDuration = maxDuration ?? defaults.MaxDuration,
        };
    }
}
