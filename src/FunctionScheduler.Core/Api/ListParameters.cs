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
            if (Enum.TryParse<TaskLifecycle>(State, ignoreCase: true, out var parsed) && !int.TryParse(State, out _))
            {
                lifecycle = parsed;
            }
            else
            {
                errors.Add(new FieldError("?state", "one-of", "The state is one of: active, paused, completed."));
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
}
