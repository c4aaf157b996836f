using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Validation;

/// <summary>What the reader needs to know beyond the body.</summary>
/// <param name="RouteId">The id in the URL of a PUT; a body id, when given, must equal it. Null for POST.</param>
/// <param name="Existing">
/// The stored definition a PUT replaces, if any: a secret header sent with a null value keeps its stored value,
/// so a definition read, edited and put back loses no secret.
/// </param>
public sealed record DefinitionContext(string? RouteId = null, ScheduledTask? Existing = null);
