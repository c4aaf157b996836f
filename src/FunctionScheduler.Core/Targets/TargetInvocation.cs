using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Targets;

/// <summary>One fire's call: whose, which occurrence, and the target to call.</summary>
public sealed record TargetInvocation(string TaskId, string RunId, Occurrence Occurrence, HttpTarget Target);
