using FunctionScheduler.Core.Storage.Tables;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Testing.Azurite;

/// <summary>
/// An xunit class fixture: the index's three tables under a prefix of their own in the run's Azurite, created
/// before the class's first test and deleted after its last. <see cref="CreateIsolated"/> gives a test a further
/// set of its own (for listings that must see only their own rows).
/// </summary>
public sealed class AzuriteTables : IAsyncLifetime
{
    private readonly List<SchedulerTables> _owned = [];

    public AzuriteTables()
    {
        Options = NewOptions();
        Tables = Track(new SchedulerTables(Microsoft.Extensions.Options.Options.Create(Options)));
    }

    /// <summary>The options <see cref="Tables"/> was built from (connection string and prefix).</summary>
    public TableStorageOptions Options { get; }

    /// <summary>The class's tables.</summary>
    public SchedulerTables Tables { get; }

    /// <summary>Options for a connection to the run's Azurite under a new, unique prefix.</summary>
    public static TableStorageOptions NewOptions(string? hint = null) => new()
    {
        ConnectionString = AzuriteStorage.ConnectionString,
        TablePrefix = AzuriteStorage.NewTablePrefix(hint),
        RequestTimeout = AzuriteStorage.RequestTimeout,
    };

    /// <summary>Another set of tables under a new prefix, deleted with the fixture.</summary>
    public async Task<SchedulerTables> CreateIsolated()
    {
        var tables = Track(new SchedulerTables(Microsoft.Extensions.Options.Options.Create(NewOptions())));
        await tables.EnsureCreatedAsync();
        return tables;
    }

    public Task InitializeAsync() => Tables.EnsureCreatedAsync();

    public async Task DisposeAsync()
    {
        foreach (var tables in _owned)
        {
            await tables.DeleteAllAsync();
        }
    }

    private SchedulerTables Track(SchedulerTables tables)
    {
        lock (_owned)
        {
            _owned.Add(tables);
        }

        return tables;
    }
}
