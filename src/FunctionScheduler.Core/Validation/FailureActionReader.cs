using System.Collections.Frozen;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Validation;

/// <summary>
/// Reads "failureAction": where a run's failure and a task's being overdue are notified. The URL, headers, secret
/// headers, timeout and retry follow the target's rules (a null secret keeps the stored value only while the
/// action keeps its origin); the method is POST and the body the notification, so neither can be given.
/// </summary>
internal static class FailureActionReader
{
    private static readonly FrozenSet<string> Names = FrozenSet.ToFrozenSet(
        ["url", "headers", "secretHeaders", "timeout", "retry"], StringComparer.Ordinal);

    /// <summary>The action read from <paramref name="source"/>, or null when it has no usable URL.</summary>
    public static HttpTarget? Read(JsonObjectReader source, HttpTarget? existing)
    {
        source.RejectUnknown(Names);
        var url = TargetReader.ReadUrl(source);
        var headers = HeaderReader.Read(source, "headers", kept: null);
        var secretHeaders = HeaderReader.Read(source, "secretHeaders", KeptSecrets.Of(existing, url));
        TargetReader.CheckHeadersTogether(source, headers, secretHeaders);
        var timeout = source.Duration("timeout");
        Bounds.Check(source.Errors, source.PointerOf("timeout"), timeout, DefinitionLimits.MinTimeout, DefinitionLimits.MaxTimeout);
        var retry = TargetReader.ReadRetry(source);
        if (url is null)
        {
            return null;
        }

        var action = new HttpTarget { Url = url, Timeout = timeout ?? DefinitionLimits.DefaultFailureActionTimeout, Retry = retry };
        return action with
        {
            Headers = headers.Count > 0 ? headers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase) : action.Headers,
            SecretHeaders = secretHeaders.Count > 0 ? secretHeaders.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase) : action.SecretHeaders,
        };
    }
}
