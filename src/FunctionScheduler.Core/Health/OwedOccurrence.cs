using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Health;

/// <summary>An occurrence a task owes a run for, with the generation its run id carries and the deadline for recording it.</summary>
public sealed record OwedOccurrence(Occurrence Occurrence, long Generation, DateTimeOffset Deadline);
