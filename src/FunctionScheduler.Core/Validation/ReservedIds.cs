namespace FunctionScheduler.Core.Validation;

/// <summary>
/// Ids that match the id pattern but name routes beside /api/tasks/{id}: GET /api/tasks/export would answer for the
/// export, not for a task of that id (routes match literal segments case-insensitively, and a literal wins), so
/// no new task may take one. A task created with such an id before the rule can still be listed, replaced and deleted.
/// </summary>
public static class ReservedIds
{
    /// <summary>Where the reserved names sit.</summary>
    public const string RoutePrefix = "/api/tasks/";

    /// <summary>The export route's segment.</summary>
    public const string Export = "export";

    /// <summary>The import route's segment (POST only, so no read is shadowed; reserved so that both read alike).</summary>
    public const string Import = "import";

    /// <summary>Whether <paramref name="id"/> is one of them, in any case.</summary>
    public static bool Contains(string id) =>
        string.Equals(id, Export, StringComparison.OrdinalIgnoreCase) || string.Equals(id, Import, StringComparison.OrdinalIgnoreCase);
}
