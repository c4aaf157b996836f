using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.Storage.Tables;

/// <summary>
/// The tables of the index and of the hosts' heartbeats, their clients built once per process. The tables are created if missing on first
/// use (once per process; a failed attempt is tried again by the next caller).
/// </summary>
public sealed class SchedulerTables
{
    private readonly TableServiceClient _service;
    private readonly Lock _gate = new();
    private Task? _creation;

    /// <summary>Builds the clients from validated options.</summary>
    public SchedulerTables(IOptions<TableStorageOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)), new TableClientOptions())
    {
    }

    // Tests pass client options with a pipeline policy that counts requests.
    internal SchedulerTables(TableStorageOptions options, TableClientOptions clientOptions)
    {
        // One deadline per request, retries included, so an unanswering service fails callers in seconds.
        clientOptions.RetryPolicy = new DeadlineRetryPolicy(options.RequestTimeout);
        clientOptions.Retry.NetworkTimeout = options.RequestTimeout;
        _service = CreateServiceClient(options, clientOptions);
        Tokens = new PageTokens(options);
        Tasks = _service.GetTableClient(options.TablePrefix + "Tasks");
        TaskIds = _service.GetTableClient(options.TablePrefix + "TaskIds");
        Runs = _service.GetTableClient(options.TablePrefix + "Runs");
        Hosts = _service.GetTableClient(options.TablePrefix + "Hosts");
    }

    /// <summary>Definitions and state: partition key = group, row key = task id.</summary>
    public TableClient Tasks { get; }

    /// <summary>Id lookup: partition key = task id, empty row key, column Group.</summary>
    public TableClient TaskIds { get; }

    /// <summary>Run history: <see cref="RunPartitions"/> (32 shard partitions, a key range per task, newest first).</summary>
    public TableClient Runs { get; }

    /// <summary>Seals and checks the continuation tokens of listings over these tables.</summary>
    internal PageTokens Tokens { get; }

    /// <summary>Hosts' heartbeats: partition key "hosts", row key = host id (see <see cref="IHostRegistry"/>).</summary>
    public TableClient Hosts { get; }

    /// <summary>The table names, for diagnostics and test clean-up.</summary>
    public IReadOnlyList<string> TableNames => [Tasks.Name, TaskIds.Name, Runs.Name, Hosts.Name];

    /// <summary>
    /// Creates the tables if they are missing. Completes at once after the first success in this process. The
    /// creation itself is not cancelled with <paramref name="cancellationToken"/>, only this caller's wait for it,
    /// so one caller giving up does not fail the others.
    /// </summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        var creation = _creation;
        if (creation is { IsCompletedSuccessfully: true })
        {
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
            {
                _creation = CreateAllAsync();
            }

            creation = _creation;
        }

        return creation.WaitAsync(cancellationToken);
    }

    /// <summary>Deletes the three tables (test clean-up and tear-down; never called by the stores).</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        foreach (var name in TableNames)
        {
            await _service.DeleteTableAsync(name, cancellationToken);
        }

        lock (_gate)
        {
            _creation = null;
        }
    }

    private async Task CreateAllAsync()
    {
        foreach (var name in TableNames)
        {
            await _service.CreateTableIfNotExistsAsync(name, CancellationToken.None);
        }
    }

    private static TableServiceClient CreateServiceClient(TableStorageOptions options, TableClientOptions clientOptions)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableServiceClient(options.ConnectionString, clientOptions);
        }

        var endpoint = options.TableEndpoint
            ?? throw new InvalidOperationException("Neither a connection string nor a table endpoint is configured.");
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                ? null
                : options.ManagedIdentityClientId,
        });
        return new TableServiceClient(endpoint, credential, clientOptions);
    }
}
