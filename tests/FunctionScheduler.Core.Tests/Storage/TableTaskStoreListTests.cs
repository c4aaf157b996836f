using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Testing.Azurite;
using static FunctionScheduler.Core.Tests.Storage.StorageSamples;

namespace FunctionScheduler.Core.Tests.Storage;

// ListAsync gets its own tables per test: a listing must see exactly the rows the test wrote.
public sealed class TableTaskStoreListTests(AzuriteTables azurite) : IClassFixture<AzuriteTables>
{
    [Theory]
    [InlineData(null, null, 1, 23)]
    [InlineData(null, null, 7, 23)]
    [InlineData(null, null, 100, 23)]
    [InlineData("alpha", null, 4, 10)]
    [InlineData("beta", null, 1000, 13)]
    [InlineData(null, TaskLifecycle.Paused, 3, 8)]
    [InlineData("beta", TaskLifecycle.Paused, 2, 5)]
    [InlineData("beta", TaskLifecycle.Completed, 2, 1)]
    [InlineData("alpha", TaskLifecycle.Completed, 2, 0)]
    [InlineData("gamma", null, 5, 0)]
    public async Task ListAsync_FilterAndPageSize_ReturnsEachMatchingTaskOnceAcrossPages(
        string? group, TaskLifecycle? lifecycle, int pageSize, int expectedCount)
    {
        var store = TaskStore(await azurite.CreateIsolated());
        var all = await SeedAsync(store);
        var expected = all
            .Where(t => (group is null || t.Group == group) && (lifecycle is null || t.State.Lifecycle == lifecycle))
            .Select(t => t.Id)
            .Order(StringComparer.Ordinal)
            .ToList();

        var pages = await ReadAllPagesAsync(store, new TaskQuery(group, lifecycle, pageSize));

        Assert.Equal(expectedCount, expected.Count);
        Assert.Equal(expected, pages.SelectMany(p => p.Items).Select(t => t.Id).Order(StringComparer.Ordinal));
        // Full pages until the last; the service may end with one empty page when the count divides evenly.
        var filled = pages.Where(p => p.Items.Count > 0).ToList();
        Assert.Equal((expected.Count + pageSize - 1) / pageSize, filled.Count);
        Assert.All(filled.SkipLast(1), p => Assert.Equal(pageSize, p.Items.Count));
        Assert.InRange(pages.Count - filled.Count, 0, 1);
    }

    [Theory]
    [InlineData("not base64url!")]
    [InlineData("bm8tc3BhY2U")]          // base64url of "no-space": decodes, but is no table token
    [InlineData("YSBiIGM")]              // "a b c": two spaces
    public async Task ListAsync_TokenNotIssuedByListing_ThrowsInvalidContinuationToken(string token)
    {
        var store = TaskStore(await azurite.CreateIsolated());

        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => store.ListAsync(new TaskQuery(ContinuationToken: token)));
    }

    [Theory]
    [InlineData("alpha", null, "beta", null)]
    [InlineData("alpha", null, null, null)]
    [InlineData(null, TaskLifecycle.Paused, null, TaskLifecycle.Active)]
    [InlineData(null, null, "alpha", null)]
    public async Task ListAsync_TokenIssuedForAnotherFilter_ThrowsInvalidContinuationToken(
        string? issuedGroup, TaskLifecycle? issuedLifecycle, string? usedGroup, TaskLifecycle? usedLifecycle)
    {
        var store = TaskStore(await azurite.CreateIsolated());
        await SeedAsync(store);
        var issued = await store.ListAsync(new TaskQuery(issuedGroup, issuedLifecycle, PageSize: 1));
        Assert.NotNull(issued.ContinuationToken);

        await Assert.ThrowsAsync<InvalidContinuationTokenException>(
            () => store.ListAsync(new TaskQuery(usedGroup, usedLifecycle, PageSize: 1, ContinuationToken: issued.ContinuationToken)));
    }

    [Fact]
    public async Task ListAsync_TokenInTheUnsignedFormOfEarlierVersions_ThrowsInvalidContinuationToken()
    {
        var tables = await azurite.CreateIsolated();
        await SeedAsync(TaskStore(tables));
        var servicePage = await tables.Tasks.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1).AsPages(pageSizeHint: 1).FirstAsync();
        var unsigned = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(servicePage.ContinuationToken!));

        await Assert.ThrowsAsync<InvalidContinuationTokenException>(
            () => TaskStore(tables).ListAsync(new TaskQuery(PageSize: 1, ContinuationToken: unsigned)));
    }

    [Fact]
    public async Task ListAsync_IssuedToken_IsUrlSafe()
    {
        var tables = await azurite.CreateIsolated();
        var store = TaskStore(tables);
        await SeedManyAsync(tables, 3);

        var first = await store.ListAsync(new TaskQuery(PageSize: 1));

        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(Uri.EscapeDataString(first.ContinuationToken), first.ContinuationToken);
    }

    [Fact]
    public async Task ListAsync_PageSizeAboveMaximum_IsCappedAtMaxPageSize()
    {
        var tables = await azurite.CreateIsolated();
        var store = TaskStore(tables);
        await SeedManyAsync(tables, TaskQuery.MaxPageSize + 5);

        var first = await store.ListAsync(new TaskQuery(PageSize: 5000));
        var second = await store.ListAsync(new TaskQuery(PageSize: 5000, ContinuationToken: first.ContinuationToken));

        Assert.Equal(TaskQuery.MaxPageSize, first.Items.Count);
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(5, second.Items.Count);
        Assert.Null(second.ContinuationToken);
    }

    [Fact]
    public async Task ListAsync_ListedTask_CarriesVersionUsableForUpdate()
    {
        var store = TaskStore(await azurite.CreateIsolated());
        var created = await store.CreateAsync(Definition(NewId("listed")), BusyState());

        var listed = Assert.Single((await store.ListAsync(new TaskQuery())).Items);
        var updated = await store.UpdateStateAsync(listed, listed.State with { FireCount = 1 });

        Assert.Equal(created.Version, listed.Version);
        StoredTaskAssert.Equal(created.Definition, listed.Definition);
        Assert.Equal(1, (await store.GetAsync(created.Id))?.State.FireCount);
        Assert.NotEqual(listed.Version, updated.Version);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task ListAsync_PageSizeBelowOne_ThrowsArgumentOutOfRange(int pageSize)
    {
        var store = TaskStore(azurite.Tables);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAsync(new TaskQuery(PageSize: pageSize)));
    }

    // 10 tasks in alpha (3 paused), 13 in beta (5 paused, 1 completed).
    private static async Task<List<StoredTask>> SeedAsync(TableTaskStore store)
    {
        var created = new List<StoredTask>();
        foreach (var (group, count, paused, completed) in new[] { ("alpha", 10, 3, 0), ("beta", 13, 5, 1) })
        {
            for (var i = 0; i < count; i++)
            {
                var lifecycle = i < paused ? TaskLifecycle.Paused : i < paused + completed ? TaskLifecycle.Completed : TaskLifecycle.Active;
                var state = TaskRunState.New(T0) with { Lifecycle = lifecycle };
                created.Add(await store.CreateAsync(IntervalDefinition($"{group}-{i:D2}", group), state));
            }
        }

        return created;
    }

    // Writes task rows directly, in batches: a thousand creates through the store would only slow the test down.
    private static async Task SeedManyAsync(SchedulerTables tables, int count)
    {
        var rows = Enumerable.Range(0, count)
            .Select(i => TaskRow.ToEntity(IntervalDefinition($"bulk-{i:D5}", "bulk"), TaskRunState.New(T0)));
        foreach (var chunk in rows.Chunk(100))
        {
            await tables.Tasks.SubmitTransactionAsync(chunk.Select(r => new Azure.Data.Tables.TableTransactionAction(Azure.Data.Tables.TableTransactionActionType.Add, r)));
        }
    }

    private static async Task<List<TaskPage>> ReadAllPagesAsync(TableTaskStore store, TaskQuery query)
    {
        var pages = new List<TaskPage>();
        string? token = null;
        do
        {
            var page = await store.ListAsync(query with { ContinuationToken = token });
            pages.Add(page);
            token = page.ContinuationToken;
        }
        while (token is not null && pages.Count < 100);

        Assert.Null(token);
        return pages;
    }
}
