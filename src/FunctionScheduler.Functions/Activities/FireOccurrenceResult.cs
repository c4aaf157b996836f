using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Functions.Activities;

/// <summary>The recorded run of one fire, as the orchestrator logs it; the full record stays in the run log.</summary>
public sealed record FireOccurrenceResult(string RunId, RunStatus Status, int? HttpStatus);
