using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Testing.Azurite;
using static FunctionScheduler.Core.Tests.Storage.StorageSamples;

namespace FunctionScheduler.Core.Tests.Storage;

// The REST API accepts bodies up to 32 KiB; as JSON a body can grow to several times that, past one 64 KiB column.
public sealed class TableTaskStoreSizeTests(AzuriteTables azurite) : IClassFixture<AzuriteTables>
{
    private const int MaxBodyBytes = 32 * 1024;

    [Theory]
    [InlineData('a', MaxBodyBytes, 1)]            // plain ASCII
    [InlineData('"', MaxBodyBytes, 2)]            // every character escaped to two bytes
    [InlineData('\u0001', MaxBodyBytes, 4)]       // control characters escape to six bytes
    [InlineData('\u20ac', MaxBodyBytes / 3, 1)]   // three-byte UTF-8 characters, stored unescaped
    [InlineData('<', MaxBodyBytes, 1)]            // HTML-sensitive characters, stored unescaped
    public async Task CreateAsync_MaxSizeBody_RoundTripsAcrossDefinitionColumns(char fill, int count, int expectedColumns)
    {
        var store = TaskStore(azurite.Tables);
        var definition = Definition(NewId("big"), body: new string(fill, count));

        var created = await store.CreateAsync(definition, BusyState());
        var read = await store.GetAsync(definition.Id);

        Assert.NotNull(read);
        StoredTaskAssert.Equal(definition, read.Definition);
        var row = (await azurite.Tables.Tasks.GetEntityAsync<Azure.Data.Tables.TableEntity>(TaskPartitions.For(definition.Group, definition.Id), definition.Id)).Value;
        Assert.Equal(expectedColumns, row.Keys.Count(k => k.StartsWith("Definition", StringComparison.Ordinal)));

        // A replace with a small body must leave no stale extra column behind.
        var replaced = await store.ReplaceAsync(read, definition with { Target = definition.Target with { Body = "small" } }, read.State);
        Assert.Equal("small", (await store.GetAsync(definition.Id))?.Definition.Target.Body);
        row = (await azurite.Tables.Tasks.GetEntityAsync<Azure.Data.Tables.TableEntity>(TaskPartitions.For(definition.Group, definition.Id), definition.Id)).Value;
        Assert.Equal(1, row.Keys.Count(k => k.StartsWith("Definition", StringComparison.Ordinal)));
        Assert.NotEqual(created.Version, replaced.Version);
    }

    [Fact]
    public async Task CreateAsync_DefinitionBeyondStoredLimit_ThrowsArgumentExceptionAndLeavesNoRows()
    {
        var store = TaskStore(azurite.Tables);
        var id = NewId("huge");
        var definition = Definition(id, body: new string('\u0001', 100_000));

        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateAsync(definition, TaskRunState.New(T0)));

        Assert.Null(await store.GetAsync(id));
        var created = await store.CreateAsync(Definition(id), TaskRunState.New(T0));
        Assert.Equal(id, created.Id);
    }
}
