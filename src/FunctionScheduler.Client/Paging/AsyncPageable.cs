using FunctionScheduler.Contracts;

namespace FunctionScheduler.Client;

/// <summary>
/// A listing the server returns a page at a time. Enumerate it for every item (pages are fetched as needed), or
/// call <see cref="AsPages"/> to see the pages and their continuation tokens, to resume a listing later.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>For mocking and for subclasses.</summary>
    protected AsyncPageable()
    {
    }

    /// <summary>The pages, starting at <paramref name="continuationToken"/> (null: the first page).</summary>
    /// <param name="continuationToken">A token from an earlier page, to resume there.</param>
    /// <param name="pageSizeHint">Items per page; null lets the server choose.</param>
    public abstract IAsyncEnumerable<PageRepresentation<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null);

    /// <inheritdoc />
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }

    /// <summary>A pageable over pages already in hand (tests, mocks of <see cref="FunctionSchedulerClient"/>).</summary>
    public static AsyncPageable<T> FromPages(IEnumerable<PageRepresentation<T>> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        return new FixedPageable<T>([.. pages]);
    }
}
