using FunctionScheduler.Core.Model;
using FunctionScheduler.Testing.Azurite;
using static FunctionScheduler.Core.Tests.Storage.StorageSamples;

namespace FunctionScheduler.Core.Tests.Storage;

/// <summary>
/// A state write sends only the columns that changed since the version it is conditional on. Whatever subset
/// changes, and whatever the row went through before, reading back must give the state written, whole.
/// </summary>
public sealed class TableTaskStoreStateMergeTests(AzuriteTables azurite) : IClassFixture<AzuriteTables>
{
    private const int Columns = 7;

    public static TheoryData<int> ColumnSubsets()
    {
        var data = new TheoryData<int>();
        for (var mask = 0; mask < 1 << Columns; mask++)
        {
            data.Add(mask);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ColumnSubsets))]
    public async Task UpdateStateAsync_AnySubsetOfColumnsChanged_ReadsBackWholeStateTwiceOver(int mask)
    {
        var store = TaskStore(azurite.Tables);
        var definition = Definition(NewId("merge"));
        var created = await store.CreateAsync(definition, BusyState());

        // The subset, then its complement from the merged row: every column is left out once and written once.
        var first = Changed(created.State, mask, step: 1);
        var afterFirst = await store.UpdateStateAsync(created, first);
        var second = Changed(first, ~mask & ((1 << Columns) - 1), step: 2);
        await store.UpdateStateAsync(afterFirst, second);
        var read = await store.GetAsync(definition.Group, definition.Id);

        Assert.NotNull(read);
        StoredTaskAssert.Equal(definition, read.Definition);
        StoredTaskAssert.Equal(second, read.State);
    }

    [Fact]
    public async Task UpdateStateAsync_NextFireCleared_ReadsBackNoNextFire()
    {
        var store = TaskStore(azurite.Tables);
        var definition = Definition(NewId("merge"));
        var created = await store.CreateAsync(definition, BusyState() with { NextFireAt = At(10) });

        await store.UpdateStateAsync(created, created.State with { NextFireAt = null, Lifecycle = TaskLifecycle.Completed });
        var read = await store.GetAsync(definition.Group, definition.Id);

        Assert.NotNull(read);
        Assert.Null(read.State.NextFireAt);
        Assert.Equal(TaskLifecycle.Completed, read.State.Lifecycle);
    }

    // Changes the columns whose bit is set; the JSON column (claims, cursor, last run) changes every time.
    private static TaskRunState Changed(TaskRunState s, int mask, int step) => s with
    {
        Lifecycle = Bit(mask, 0) ? (s.Lifecycle == TaskLifecycle.Active ? TaskLifecycle.Paused : TaskLifecycle.Active) : s.Lifecycle,
        Generation = Bit(mask, 1) ? s.Generation + step : s.Generation,
        GenerationStartedAt = Bit(mask, 2) ? s.GenerationStartedAt.AddMinutes(step) : s.GenerationStartedAt,
        FireCount = Bit(mask, 3) ? s.FireCount + (10 * step) : s.FireCount,
        NextFireAt = Bit(mask, 4) ? (s.NextFireAt is null ? At(100 * step) : null) : s.NextFireAt,
        CreatedAt = Bit(mask, 5) ? s.CreatedAt.AddSeconds(-step) : s.CreatedAt,
        UpdatedAt = Bit(mask, 6) ? s.UpdatedAt.AddSeconds(step) : s.UpdatedAt,
        Cursor = At(1000 + step),
        RunRequests = [.. s.RunRequests, At(2000 + step)],
    };

    private static bool Bit(int mask, int bit) => (mask & (1 << bit)) != 0;

    private static DateTimeOffset At(int seconds) => new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero).AddSeconds(seconds);
}
