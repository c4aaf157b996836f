using System.Globalization;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Api;

/// <summary>
/// Query parameters of the listing routes, exactly as the host bound them (strings), so that a bad value gets a
/// problem naming the parameter instead of a binding failure. Errors point at "?name".
/// </summary>
public sealed record ListParameters(
    string? Group = null,
    string? State = null,
    string? PageSize = null,
    string? ContinuationToken = null)
{
    /// <summary>Checks every parameter; on success <paramref name="query"/> holds them typed.</summary>
    public IReadOnlyList<FieldError> Validate(out TaskQuery query)
    {
        var errors = new List<FieldError>();
        if (Group is not null && !TaskId.IsValid(Group))
        {
            errors.Add(new FieldError("?group", "pattern", $"A group matches {TaskId.Pattern}."));
        }

        TaskLifecycle? lifecycle = null;
        if (State is not null)
        {
            lifecycle = LifecycleOf(State);
            if (lifecycle is null)
            {
                errors.Add(new FieldError("?state", "one-of", "The state is exactly one of: active, paused, completed."));
            }
        }

        var pageSize = TaskQuery.DefaultPageSize;
        if (PageSize is not null
            && (!int.TryParse(PageSize, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > TaskQuery.MaxPageSize))
        {
            errors.Add(new FieldError("?pageSize", "range", $"The page size is a whole number from 1 to {TaskQuery.MaxPageSize}."));
            pageSize = TaskQuery.DefaultPageSize;
        }

        query = new TaskQuery(Group, lifecycle, pageSize, string.IsNullOrEmpty(ContinuationToken) ? null : ContinuationToken);
        return errors;
    }

    // Exactly one name as the JSON representations write it. Enum parsing would also take "1", "Active" and
    // "active,paused" (read as flags), and both hosts join a repeated parameter with commas.
    private static TaskLifecycle? LifecycleOf(string state) => state switch
    {
        "active" => TaskLifecycle.Active,
        "paused" => TaskLifecycle.Paused,
        "completed" => TaskLifecycle.Completed,
        _ => null,
    };
}
