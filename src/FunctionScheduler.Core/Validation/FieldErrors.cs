namespace FunctionScheduler.Core.Validation;

/// <summary>Collects every broken rule of one read, in the order found.</summary>
internal sealed class FieldErrors
{
    private readonly List<FieldError> _items = [];

    public int Count => _items.Count;

    public IReadOnlyList<FieldError> Items => _items;

    public void Add(string pointer, string rule, string message) => _items.Add(new FieldError(pointer, rule, message));

    /// <summary>JSON pointer (RFC 6901) of <paramref name="name"/> inside <paramref name="parent"/>.</summary>
    public static string PointerOf(string parent, string name) =>
        parent + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
