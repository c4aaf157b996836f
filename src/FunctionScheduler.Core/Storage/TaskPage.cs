using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Storage;

/// <summary>One page of a listing; <see cref="ContinuationToken"/> is null on the last page.</summary>
public sealed record TaskPage(IReadOnlyList<StoredTask> Items, string? ContinuationToken);
