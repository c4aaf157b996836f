using Microsoft.DurableTask;

namespace FunctionScheduler.Functions.Tests.Fakes;

/// <summary>A query result served in pages, with the page's index as its continuation token.</summary>
internal sealed class FakePageable<T>(IReadOnlyList<T> items, int pageSize) : AsyncPageable<T>
    where T : notnull
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var size = pageSizeHint ?? pageSize;
        for (var start = continuationToken is null ? 0 : int.Parse(continuationToken, System.Globalization.CultureInfo.InvariantCulture); start < items.Count; start += size)
        {
            await Task.Yield();
            var next = start + size < items.Count ? (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            yield return new Page<T>([.. items.Skip(start).Take(size)], next);
        }
    }
}
