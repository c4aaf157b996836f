namespace FunctionScheduler.Testing.Targets;

/// <summary>A request as a <see cref="LoopbackTarget"/> received it.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string[]> Headers,
    byte[] Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>Every value of header <paramref name="name"/> (several when the header was sent more than once).</summary>
    public IReadOnlyList<string> HeaderValues(string name) => Headers.TryGetValue(name, out var values) ? values : [];

    /// <summary>The header's value, or null when absent; fails when it was sent more than once.</summary>
    public string? Header(string name) => HeaderValues(name) switch
    {
        [] => null,
        [var single] => single,
        var many => throw new InvalidOperationException("Header " + name + " was sent " + many.Count + " times."),
    };

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
