namespace Microsoft.DurableTask;

// Source: microsoft/durabletask-dotnet/src/Abstractions/Page.cs@1c0d38325e32
public sealed class Page<T>(IReadOnlyList<T> values, string? continuationToken = null)
    where T : notnull
{
    // Source: microsoft/durabletask-dotnet/src/Abstractions/Page.cs@1c0d38325e32
    public IReadOnlyList<T> Values { get; } = values ?? throw new ArgumentNullException(nameof(values));

    // Source: microsoft/durabletask-dotnet/src/Abstractions/Page.cs@1c0d38325e32
    public string? ContinuationToken { get; } = continuationToken;
}
