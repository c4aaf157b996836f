using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Validation;

/// <summary>
/// Reads a task definition from a request body (full or short form) and checks every rule. Pure: no clock, no I/O;
/// the one non-deterministic step is the id generated for a POST without one.
/// </summary>
public static class TaskDefinitionReader
{
    // The short form puts the schedule and target's essentials at the top level: {"cron": ..., "url": ...}.
    private static readonly FrozenSet<string> ShortFormNames = FrozenSet.ToFrozenSet(
        ["cron", "interval", "at", "timeZone", "url", "method"], StringComparer.Ordinal);

    // The failure action, overdue tolerance and auto-pause stand beside the schedule and target in either form.
    private static readonly FrozenSet<string> CommonNames = FrozenSet.ToFrozenSet(
        ["id", "name", "description", "group", "failureAction", "overdueTolerance", "autoPauseAfter"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> FullRootNames = FrozenSet.ToFrozenSet(
        [.. CommonNames, "schedule", "target"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> FullRootAndShortNames = FrozenSet.ToFrozenSet(
        [.. FullRootNames, .. ShortFormNames], StringComparer.Ordinal);

    private static readonly FrozenSet<string> ShortRootNames = FrozenSet.ToFrozenSet(
        [.. CommonNames, .. ShortFormNames], StringComparer.Ordinal);

    /// <summary>
    /// Reads and validates a definition; on failure, every error found, each naming its field and rule (see
    /// <see cref="ValidationRules"/>). A valid result is normalized: kind set, method upper case, cron fields single
    /// spaced, time zone a canonical IANA id, instants in UTC, defaults filled, null secret values resolved.
    /// </summary>
    public static ReadResult<ScheduledTask> Read(ReadOnlySpan<byte> utf8Json, DefinitionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (JsonBody.Parse(utf8Json, out var unreadable) is not { } document)
        {
            return ReadResult<ScheduledTask>.Invalid([unreadable]);
        }

        using (document)
        {
            var errors = new FieldErrors();
            var task = ReadTask(document.RootElement, context, errors);
            return errors.Count == 0 && task is not null
                ? ReadResult<ScheduledTask>.Valid(task)
                : ReadResult<ScheduledTask>.Invalid(errors.Items);
        }
    }

    private static ScheduledTask? ReadTask(JsonElement element, DefinitionContext context, FieldErrors errors)
    {
        if (JsonObjectReader.Open(element, string.Empty, errors) is not { } root)
        {
            return null;
        }

        var fullForm = root.Names.Contains("schedule") || root.Names.Contains("target");
        if (fullForm)
        {
            foreach (var shortName in root.Names.Where(ShortFormNames.Contains))
            {
                errors.Add(root.PointerOf(shortName), ValidationRules.MixedForm, $"'{shortName}' belongs to the short form and cannot be combined with 'schedule' or 'target'.");
            }

            // Short-form names were reported as mixed-form just now; reporting them as unknown too would be noise.
            root.RejectUnknown(FullRootAndShortNames);
        }
        else
        {
            root.RejectUnknown(ShortRootNames);
        }

        var id = ReadId(root, context);
        if (id is not null && context.Existing is null && ReservedIds.Contains(id))
        {
            errors.Add(root.PointerOf("id"), ValidationRules.ReservedId, $"'{id}' names a route (GET {ReservedIds.RoutePrefix}{id}); a new task cannot take it.");
            id = null;
        }

        var group = ReadGroup(root, context);
        var name = root.String("name");
        Bounds.CheckLength(errors, root.PointerOf("name"), name, DefinitionLimits.MaxNameLength);
        var description = root.String("description");
        Bounds.CheckLength(errors, root.PointerOf("description"), description, DefinitionLimits.MaxDescriptionLength);

        var (schedule, target) = fullForm ? ReadFullForm(root, context) : ReadShortForm(root);
        var failureAction = root.Object("failureAction") is { } action ? FailureActionReader.Read(action, context.Existing?.FailureAction) : null;
        var overdueTolerance = root.Duration("overdueTolerance");
        Bounds.Check(errors, root.PointerOf("overdueTolerance"), overdueTolerance, DefinitionLimits.MinOverdueTolerance, DefinitionLimits.MaxOverdueTolerance);
        var autoPauseAfter = root.Integer("autoPauseAfter");
        Bounds.Check(errors, root.PointerOf("autoPauseAfter"), autoPauseAfter, 1, DefinitionLimits.MaxAutoPauseAfter);
        return id is null || schedule is null || target is null
            ? null
            : new ScheduledTask
            {
                Id = id,
                Name = name,
                Description = description,
                Group = group,
                Schedule = schedule,
                Target = target,
                FailureAction = failureAction,
                OverdueTolerance = overdueTolerance,
                AutoPauseAfter = (int?)autoPauseAfter,
            };
    }

    private static (TaskSchedule? Schedule, HttpTarget? Target) ReadFullForm(JsonObjectReader root, DefinitionContext context)
    {
        root.Require("schedule");
        root.Require("target");
        var schedule = root.Object("schedule") is { } scheduleObject ? ScheduleReader.Read(scheduleObject, fullForm: true) : null;
        var target = root.Object("target") is { } targetObject ? TargetReader.Read(targetObject, fullForm: true, context.Existing?.Target) : null;
        return (schedule, target);
    }

    private static (TaskSchedule? Schedule, HttpTarget? Target) ReadShortForm(JsonObjectReader root) =>
        (ScheduleReader.Read(root, fullForm: false), TargetReader.Read(root, fullForm: false, existing: null));

    private static string? ReadId(JsonObjectReader root, DefinitionContext context)
    {
        var pointer = root.PointerOf("id");
        var bodyId = root.String("id");
        if (bodyId is not null && !TaskId.IsValid(bodyId))
        {
            root.Errors.Add(pointer, ValidationRules.Pattern, $"'{bodyId}' does not match {TaskId.Pattern}.");
            return null;
        }

        if (context.RouteId is not { } routeId)
        {
            return root.Has("id") ? bodyId : TaskId.NewId();
        }

        if (!TaskId.IsValid(routeId))
        {
            root.Errors.Add(pointer, ValidationRules.Pattern, $"The id in the URL, '{routeId}', does not match {TaskId.Pattern}.");
            return null;
        }

        if (bodyId is not null && !string.Equals(bodyId, routeId, StringComparison.Ordinal))
        {
            root.Errors.Add(pointer, ValidationRules.RouteMismatch, $"The body's id '{bodyId}' differs from the id in the URL, '{routeId}'.");
            return null;
        }

        return routeId;
    }

    private static string ReadGroup(JsonObjectReader root, DefinitionContext context)
    {
        var pointer = root.PointerOf("group");
        var existing = context.Existing?.Group;
        if (root.String("group") is not { } group)
        {
            // A replace that leaves the group out keeps it: the group is fixed for the life of the task.
            return existing ?? ScheduledTask.DefaultGroup;
        }

        if (!TaskId.IsValid(group))
        {
            root.Errors.Add(pointer, ValidationRules.Pattern, $"'{group}' does not match {TaskId.Pattern}.");
        }
        else if (existing is not null && !string.Equals(existing, group, StringComparison.Ordinal))
        {
            root.Errors.Add(pointer, ValidationRules.Immutable, $"The group is fixed for the life of the task; it is '{existing}'.");
        }

        return group;
    }

}
