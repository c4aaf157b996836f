using System.Diagnostics.CodeAnalysis;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Api.Representations;

/// <summary>
/// Maps a definition to the request side of the contract (<see cref="TaskDefinition"/>, the full form with every
/// value written out): what export writes per line and a version's answer carries, with secret values null.
/// </summary>
[SuppressMessage("Naming", "CA1708", Justification = "The analyzer reads every extension block as a member named 'extension'.")]
public static class DefinitionMapping
{
    extension(TaskDefinition)
    {
        /// <summary>The full form of <paramref name="definition"/>, secret header values null (so a PUT keeps the stored ones).</summary>
        public static TaskDefinition From(ScheduledTask definition)
        {
            ArgumentNullException.ThrowIfNull(definition);
            return Map(definition, withSecretValues: false);
        }
    }

    /// <summary>The same with the secret values in: only for comparing definitions, never for an answer.</summary>
    internal static TaskDefinition WithSecretValues(ScheduledTask definition) => Map(definition, withSecretValues: true);

    // The target's and the failure action's secrets alike: names only, or (for comparing) with their values.
    private static TaskDefinition Map(ScheduledTask definition, bool withSecretValues)
    {
        IReadOnlyDictionary<string, string?> Secrets(HttpTarget target, IReadOnlyDictionary<string, string?> names) => withSecretValues
            ? target.SecretHeaders.ToDictionary(h => h.Key, h => (string?)h.Value, StringComparer.OrdinalIgnoreCase)
            : names;

        var target = TargetRepresentation.From(definition.Target);
        var action = definition.FailureAction is { } failureAction ? FailureActionRepresentation.From(failureAction) : null;
        return new TaskDefinition
        {
            Id = definition.Id,
            Name = definition.Name,
            Description = definition.Description,
            Group = definition.Group,
            Schedule = ScheduleRepresentation.From(definition.Schedule).ToDefinition(),
            Target = (target with { SecretHeaders = Secrets(definition.Target, target.SecretHeaders) }).ToDefinition(),
            FailureAction = action is null ? null : (action with { SecretHeaders = Secrets(definition.FailureAction!, action.SecretHeaders) }).ToDefinition(),
            OverdueTolerance = definition.OverdueTolerance,
            AutoPauseAfter = definition.AutoPauseAfter,
        };
    }
}
