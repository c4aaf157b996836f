using FunctionScheduler.Core.Model;
using FunctionScheduler.Functions.Tests.Fakes;
using FunctionScheduler.Testing.Conformance;

namespace FunctionScheduler.Functions.Tests.Conformance;

/// <summary>
/// The Functions runtime under the conformance scenarios: REST steps go through the HTTP functions with the
/// Durable change notifier bound to the fake Durable client; the real orchestrator and activities then run on the
/// scenario's clock. "Down" means no orchestration step runs until the clock has jumped; pending timers then fire late.
/// </summary>
internal sealed class DurableConformanceRuntime(ScenarioContext context) : IConformanceRuntime
{
    private static readonly TimeSpan ReconcileEvery = TimeSpan.FromMinutes(1);

    private readonly TestApp _app = new(context.Clock, context.Target, context.StorageConnectionString, context.TablePrefix);

    public FakeDurableClient Durable => _app.Durable;

    public async Task<int> SendAsync(string method, string path, string? body)
    {
        var response = await _app.SendAsync(method, "/api" + path, body);
        return (int)response.StatusCode;
    }

    public Task AdvanceToAsync(DateTimeOffset until) => _app.Durable.AdvanceToAsync(until);

    public Task DownUntilAsync(DateTimeOffset until) => _app.Durable.DownUntilAsync(until);

    // The orchestrations' timers never fire and the reconcile's wake-ups are lost, while the reconcile timer itself
    // runs every minute; then the task hub recovers and the due timers fire, late.
    public async Task StallUntilAsync(DateTimeOffset until, bool recover)
    {
        _app.Durable.DropEvents = true;
        for (var at = context.Clock.GetUtcNow() + ReconcileEvery; at < until; at += ReconcileEvery)
        {
            context.Clock.SetUtcNow(at);
            await _app.RunReconcileAsync();
        }

        context.Clock.SetUtcNow(until);
        await _app.RunReconcileAsync();
        if (recover)
        {
            _app.Durable.DropEvents = false;
            await _app.Durable.DownUntilAsync(until);
        }
    }

    public Task<StoredTask?> GetTaskAsync(string id) => _app.Store.GetAsync(id);

    public Task<IReadOnlyList<RunRecord>> GetRunsAsync(string id) => _app.AllRunsAsync(id);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
