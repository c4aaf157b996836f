namespace Microsoft.DurableTask;

// Source: microsoft/durabletask-dotnet/src/Abstractions/AsyncPageable.cs@43e04cc007b6
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
    where T : notnull
{
    // Source: microsoft/durabletask-dotnet/src/Abstractions/AsyncPageable.cs@43e04cc007b6
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = default, int? pageSizeHint = default);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/AsyncPageable.cs@43e04cc007b6
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (Page<T> page in AsPages().WithCancellation(cancellationToken))
        {
            foreach (T value in page.Values)
            {
                yield return value;
            }
        }
    }
}
