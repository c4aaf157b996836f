using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage;

/// <summary>A listing request: optional filters, a page size and the continuation token of the previous page.</summary>
public sealed record TaskQuery(
    string? Group = null,
    TaskLifecycle? Lifecycle = null,
    int PageSize = TaskQuery.DefaultPageSize,
    string? ContinuationToken = null)
{
    public const int DefaultPageSize = 100;

    public const int MaxPageSize = 1000;
}
