using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Health;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Testing.Conformance;

namespace FunctionScheduler.Core.Tests.Conformance;

/// <summary>
/// The core's reference driver for the conformance scenarios: the shared API handlers and executor over real
/// Table Storage, stepped from one wake time to the next on a fake clock. It is the simplest runtime the
/// semantics allow; the standalone and Functions runtimes must agree with it on every scenario.
/// </summary>
internal sealed class CoreConformanceRuntime(
    ScenarioContext context,
    TasksApi api,
    TaskExecutor executor,
    ITaskStore store,
    IRunLog runs,
    OverdueMonitor monitor,
    WakeRegistry wakes) : IConformanceRuntime
{
    private static readonly ClaimRequest Claim = new("core-reference", TimeSpan.FromMinutes(5));

    // How often the reference driver checks for overdue tasks while stalled, as a reconcile timer would.
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    public async Task<int> SendAsync(string method, string path, string? body)
    {
        var response = await ConformanceRoutes.SendAsync(api, method, path, body);
        await RunDueAsync();
        return response.StatusCode;
    }

    public async Task AdvanceToAsync(DateTimeOffset until)
    {
        while (wakes.Earliest() is { } next && next <= until)
        {
            if (next > context.Clock.GetUtcNow())
            {
                context.Clock.SetUtcNow(next);
            }

            await RunDueAsync();
        }

        context.Clock.SetUtcNow(until);
        await RunDueAsync();
    }

    public async Task DownUntilAsync(DateTimeOffset until)
    {
        context.Clock.SetUtcNow(until);
        wakes.MarkAllDue(until);
        await RunDueAsync();
    }

    public async Task StallUntilAsync(DateTimeOffset until, bool recover)
    {
        for (var at = context.Clock.GetUtcNow() + CheckEvery; at < until; at += CheckEvery)
        {
            context.Clock.SetUtcNow(at);
            await CheckAllAsync();
        }

        context.Clock.SetUtcNow(until);
        await CheckAllAsync();
        if (recover)
        {
            await DownUntilAsync(until);
        }
    }

    public Task<StoredTask?> GetTaskAsync(string id) => store.GetAsync(id);

    public Task<IReadOnlyList<RunRecord>> GetRunsAsync(string id) => RunHistory.AllAsync(runs, id);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task CheckAllAsync()
    {
        string? token = null;
        do
        {
            var page = await store.ListAsync(new TaskQuery(PageSize: 100, ContinuationToken: token));
            await monitor.CheckAsync(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    // Runs everything due now, and again while a run asks to be planned again at once (a backfill's next occurrence).
    private async Task RunDueAsync()
    {
        var now = context.Clock.GetUtcNow();
        for (var round = 0; wakes.DueAt(now) is { Count: > 0 } due; round++)
        {
            Assert.True(round < 10_000, "The reference driver did not settle: a task keeps asking to be planned at once.");
            foreach (var (group, id) in due)
            {
                var task = await store.GetAsync(group, id);
                if (task is null)
                {
                    wakes.Remove(id);
                    continue;
                }

                var outcome = await executor.RunDueAsync(task, Claim);
                wakes.Set(group, id, outcome.WakeAt);
            }
        }
    }
}
