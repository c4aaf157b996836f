using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Functions.Hosting;
using FunctionScheduler.Testing.Azurite;
using FunctionScheduler.Testing.Conformance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Functions.Tests.Fakes;

/// <summary>
/// The app as Program.cs wires it (same extension method, same configuration keys) over a table prefix of its own
/// in the run's Azurite, with the clock and the target replaced, plus the fake Durable runtime and host around it.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public TestApp(
        FakeTimeProvider clock,
        ITargetInvoker target,
        string? connectionString = null,
        string? tablePrefix = null,
        Action<IServiceCollection>? replace = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scheduler:Storage:ConnectionString"] = connectionString ?? AzuriteStorage.ConnectionString,
            ["Scheduler:Storage:TablePrefix"] = tablePrefix ?? AzuriteStorage.NewTablePrefix("fn"),
            ["Scheduler:Storage:RequestTimeout"] = AzuriteStorage.RequestTimeoutSetting,
            ["Scheduler:Signing:KeyId"] = "test",
            ["Scheduler:Signing:Secret"] = "a test signing secret of more than 32 bytes",
        }).Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(clock);
        services.AddFunctionScheduler(configuration);
        services.Replace(ServiceDescriptor.Singleton(target));
        replace?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Clock = clock;
        Host = new FunctionHost(_services);
        Durable = new FakeDurableClient(clock, Host, _services.GetRequiredService<ILoggerFactory>());
    }

    public FakeTimeProvider Clock { get; }

    public FunctionHost Host { get; }

    public FakeDurableClient Durable { get; }

    public IServiceProvider Services => _services;

    public ITaskStore Store => _services.GetRequiredService<ITaskStore>();

    public IRunLog Runs => _services.GetRequiredService<IRunLog>();

    /// <summary>Sends a request through the HTTP functions, then lets the orchestrations settle.</summary>
    public async Task<TestHttpResponse> SendAsync(string method, string path, string? body = null)
    {
        var response = await Host.SendAsync(method, path, Durable, body);
        await Durable.RunUntilIdleAsync();
        return response;
    }

    public Task RunReconcileAsync() => Host.RunTimerAsync("Reconcile", Durable);

    public Task<IReadOnlyList<RunRecord>> AllRunsAsync(string taskId) => RunHistory.AllAsync(Runs, taskId);

    public async ValueTask DisposeAsync()
    {
        await _services.GetRequiredService<SchedulerTables>().DeleteAllAsync();
        await _services.DisposeAsync();
    }
}
