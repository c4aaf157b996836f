using System.Globalization;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Functions.Tests.Engine;
using FunctionScheduler.Testing.Conformance;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Sdk;

namespace FunctionScheduler.Functions.Tests.EngineConformance;

/// <summary>
/// The Functions runtime on the real Durable Task engine and the real clock under a conformance scenario that was
/// moved onto the present (<see cref="RealClockFit"/>). Each step waits until real time reaches the scenario's
/// "now" (the context's clock, which this runtime moves): REST steps go through the app's HTTP functions with the
/// engine's client bound and read that instant (<see cref="StepClock"/>); time passes by waiting for it. A step is
/// over when the index says the runtime is idle at the step's instant: nothing claimed and unrecorded, no run-now
/// request left, no backfill running, no next fire at or before it. Fires are compared with <see cref="AllowedLateness"/>.
/// </summary>
internal sealed class EngineConformanceRuntime(ScenarioContext context, DurableEngine engine, StepClock clock) : IConformanceRuntime
{
    /// <summary>
    /// How late a fire may reach the target and still count as on time. Fires are usually well under 2 s late here;
    /// the bound is for the moments when the whole suite runs on this shared 2-core machine (load averages near 40):
    /// the worst seen then was 6.7 s on Azure Storage, whose idle queues are polled every 2 s (host.json) and which a
    /// fire crosses four times (its timer, ClaimDue, its result, FireOccurrence), and 5.1 s in memory. It still
    /// fails what a defect would cause: a wake-up lost until the next timer, Azure Storage's default 30 s polling, a
    /// fire left for a later pass.
    /// </summary>
    public static readonly TimeSpan AllowedLateness = TimeSpan.FromSeconds(15);

    // A stuck runtime fails the scenario instead of hanging it; nothing a step waits for takes this long.
    private static readonly TimeSpan SettleBound = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private ITaskStore Store => engine.Services.GetRequiredService<ITaskStore>();

    public async Task<int> SendAsync(string method, string path, string? body)
    {
        var at = context.Clock.GetUtcNow();
        await ReachAsync(at);
        await AssertNothingFellDueSinceAsync(at);
        int status;
        using (clock.At(at))
        {
            status = (int)(await engine.Host.SendAsync(method, "/api" + path, engine.Client, body)).StatusCode;
        }

        await SettleAsync(at);
        return status;
    }

    public async Task AdvanceToAsync(DateTimeOffset until)
    {
        await ReachAsync(until);
        await SettleAsync(until);
        if (until > context.Clock.GetUtcNow())
        {
            context.Clock.SetUtcNow(until);
        }
    }

    public Task DownUntilAsync(DateTimeOffset until) =>
        throw new NotSupportedException("The real-engine runtime is not taken down mid-scenario; RealClockFit counts downtime as an obstacle.");

    public Task StallUntilAsync(DateTimeOffset until, bool recover) =>
        throw new NotSupportedException("The real-engine runtime is not stalled mid-scenario; RealClockFit counts a stall as an obstacle.");

    public Task<StoredTask?> GetTaskAsync(string id) => Store.GetAsync(id);

    public Task<IReadOnlyList<RunRecord>> GetRunsAsync(string id) => RunHistory.AllAsync(engine.Services.GetRequiredService<IRunLog>(), id);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task ReachAsync(DateTimeOffset at)
    {
        while (at - DateTimeOffset.UtcNow is var ahead && ahead > TimeSpan.Zero)
        {
            await Task.Delay(ahead + TimeSpan.FromMilliseconds(1));
        }
    }

    // A REST step follows a step that left the runtime idle at its instant. Sent a little later, it acts as if sent
    // at its instant as long as nothing fell due in between; if something did, the scenario's timing was not kept
    // (the machine stalled), which fails here rather than as a puzzling expectation later.
    private async Task AssertNothingFellDueSinceAsync(DateTimeOffset at)
    {
        var now = DateTimeOffset.UtcNow;
        if (await PendingAsync(now) is { Count: > 0 } due)
        {
            throw new XunitException(string.Create(CultureInfo.InvariantCulture, $"The step due at {at:O} was reached at {now:O}, after more fell due: {string.Join("; ", due)}"));
        }
    }

    private async Task SettleAsync(DateTimeOffset at)
    {
        var deadline = DateTimeOffset.UtcNow + SettleBound;
        while (await PendingAsync(at) is { Count: > 0 } pending)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new XunitException($"Not idle {SettleBound} after {at:O}: {string.Join("; ", pending)}");
            }

            await Task.Delay(Poll);
        }
    }

    private async Task<List<string>> PendingAsync(DateTimeOffset at)
    {
        var pending = new List<string>();
        string? token = null;
        do
        {
            var page = await Store.ListAsync(new TaskQuery(ContinuationToken: token));
            pending.AddRange(page.Items
                .Where(t => t.State.InFlight.Count > 0 || t.State.RunRequests.Count > 0 || t.State.NextFireAt <= at
                    || t.State.Backfill is { Status: BackfillStatus.Running })
                .Select(t => $"{t.Id}: {t.State.InFlight.Count} in flight, {t.State.RunRequests.Count} run requests, next fire {t.State.NextFireAt:O}, backfill {t.State.Backfill?.Status}"));
            token = page.ContinuationToken;
        }
        while (token is not null);
        return pending;
    }
}
