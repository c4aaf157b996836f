using System.Text;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Tests.Storage;
using FunctionScheduler.Testing.Conformance;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Execution;

public sealed class TaskExecutorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 20, TimeSpan.Zero);
    private static readonly ClaimRequest ClaimA = new("instance-a", TimeSpan.FromMinutes(2));
    private static readonly ClaimRequest ClaimB = new("instance-b", TimeSpan.FromMinutes(2));

    [Fact]
    public async Task RunDueAsync_OneDueOccurrence_MakesThreeStorageWritesAndNoRead()
    {
        var clock = new FakeTimeProvider(T0);
        var log = new RequestLog("");
        await using var core = new CoreServices(clock, new ScriptedTarget(clock), tablePolicy: log);
        var task = await CreateAsync(core, """{"id":"ops","cron":"* * * * *","url":"https://target.example/hook"}""");
        clock.SetUtcNow(T0.AddSeconds(40));
        log.Take();

        var outcome = await core.Executor.RunDueAsync(task, ClaimA);

        Assert.Single(outcome.Claimed);
        var requests = log.Take();
        Assert.Equal(3, requests.Count);
        Assert.DoesNotContain(requests, r => r.StartsWith("GET", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClaimDueAsync_TwoInstancesRaceOnOneVersion_OnlyOneClaimsTheOccurrence()
    {
        var clock = new FakeTimeProvider(T0);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        var task = await CreateAsync(core, """{"id":"race","cron":"* * * * *","url":"https://target.example/hook"}""");
        clock.SetUtcNow(T0.AddSeconds(40));

        var first = await core.Executor.RunDueAsync(task, ClaimA);
        var second = await core.Executor.RunDueAsync(task, ClaimB);

        Assert.Single(first.Claimed);
        Assert.Empty(second.Claimed);
        Assert.Single(target.Fires);
    }

    [Fact]
    public async Task RunDueAsync_ClaimAbandonedBeforeRecording_AnotherInstanceFiresItWithTheSameRunId()
    {
        var clock = new FakeTimeProvider(T0);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        var task = await CreateAsync(core, """{"id":"dies","cron":"* * * * *","url":"https://target.example/hook"}""");
        clock.SetUtcNow(T0.AddSeconds(40));
        var abandoned = await core.Executor.ClaimDueAsync(task, ClaimA);   // instance A claims, then dies
        var claimed = Assert.Single(abandoned.Claimed);

        clock.Advance(TimeSpan.FromMinutes(1));                              // within A's lease: B leaves it alone
        var early = await core.Executor.ClaimDueAsync(abandoned.Task!, ClaimB);
        clock.Advance(TimeSpan.FromMinutes(2));                              // lease expired: B takes it over
        var late = await core.Executor.RunDueAsync((await core.Store.GetAsync("dies"))!, ClaimB);

        Assert.DoesNotContain(early.Claimed, c => c.Occurrence == claimed.Occurrence);
        Assert.Contains(late.Claimed, c => c.Occurrence == claimed.Occurrence);
        Assert.Contains(target.Fires, f => f.RunId == RunId.For("dies", claimed.Occurrence, claimed.Generation));
        Assert.NotNull(await core.Runs.GetAsync("dies", claimed.Occurrence, claimed.Generation));
        Assert.DoesNotContain((await core.Store.GetAsync("dies"))!.State.InFlight, c => c.Occurrence == claimed.Occurrence);
    }

    [Fact]
    public async Task RunDueAsync_ReplacedWhileItsRunIsInFlight_BothGenerationsFireAndRecordUnderTheirOwnRunIds()
    {
        var clock = new FakeTimeProvider(T0);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        const string OneOff = """{"id":"again","schedule":{"at":"2026-03-02T10:00:30Z"},"target":{"url":"https://target.example/hook"}}""";
        var task = await CreateAsync(core, OneOff);
        clock.SetUtcNow(T0.AddSeconds(40));
        var abandoned = await core.Executor.ClaimDueAsync(task, ClaimA);   // A claims the first generation's run and dies
        var first = Assert.Single(abandoned.Claimed);

        Assert.Equal(200, (await core.Api.PutAsync("again", Encoding.UTF8.GetBytes(OneOff))).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(3));
        var outcome = await core.Executor.RunDueAsync((await core.Store.GetAsync("again"))!, ClaimB);

        Assert.Equal([1L, 2L], outcome.Claimed.Select(c => c.Generation).Order());
        Assert.All(outcome.Claimed, c => Assert.Equal(first.Occurrence, c.Occurrence));
        var runIds = target.Fires.Select(f => f.RunId).ToList();
        Assert.Equal([RunId.For("again", first.Occurrence, 1), RunId.For("again", first.Occurrence, 2)], runIds.Order(StringComparer.Ordinal));
        var runs = (await core.Runs.ListAsync("again", 10, null)).Items;
        Assert.Equal([1L, 2L], runs.Select(r => r.Generation).Order());
        Assert.Empty((await core.Store.GetAsync("again"))!.State.InFlight);
    }

    [Fact]
    public async Task FireAsync_TakeoverOfAnAlreadyRecordedRun_DoesNotCallTheTargetAgain()
    {
        var clock = new FakeTimeProvider(T0);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        var task = await CreateAsync(core, """{"id":"twice","cron":"* * * * *","url":"https://target.example/hook"}""");
        clock.SetUtcNow(T0.AddSeconds(40));
        var claim = await core.Executor.ClaimDueAsync(task, ClaimA);
        var claimed = Assert.Single(claim.Claimed);
        await core.Executor.FireAsync(claim.Task!, claimed, mayBeRecorded: false);
        Assert.Single(target.Fires);

        // An activity retried after the run was recorded: the run log answers, the target is not called.
        var again = await core.Executor.FireAsync("default", "twice", claimed);

        Assert.NotNull(again);
        Assert.Single(target.Fires);
        Assert.Equal(RunStatus.Succeeded, again!.Status);
    }

    [Fact]
    public async Task ClaimDueAsync_TaskDeleted_ReturnsGone()
    {
        var clock = new FakeTimeProvider(T0);
        await using var core = new CoreServices(clock, new ScriptedTarget(clock));

        var outcome = await core.Executor.ClaimDueAsync("default", "never-created", ClaimA);

        Assert.Null(outcome.Task);
        Assert.Empty(outcome.Claimed);
        Assert.Null(outcome.WakeAt);
    }

    [Fact]
    public async Task RunDueAsync_NothingDue_WritesNothingAndReportsNextWake()
    {
        var clock = new FakeTimeProvider(T0);
        var log = new RequestLog("");
        await using var core = new CoreServices(clock, new ScriptedTarget(clock), tablePolicy: log);
        var task = await CreateAsync(core, """{"id":"idle","cron":"* * * * *","url":"https://target.example/hook"}""");
        log.Take();

        var outcome = await core.Executor.RunDueAsync(task, ClaimA);

        Assert.Empty(outcome.Claimed);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 1, 0, TimeSpan.Zero), outcome.WakeAt);
        Assert.Empty(log.Take());
    }

    [Theory]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "old", "new" }, "old,new")]
    public async Task RunDueAsync_InvokerReportsSigningKeys_RunRecordNamesThem(string[] keyIds, string? recorded)
    {
        var clock = new FakeTimeProvider(T0);
        await using var core = new CoreServices(clock, new KeyReportingTarget(clock, keyIds));
        var task = await CreateAsync(core, """{"id":"keys","cron":"* * * * *","url":"https://target.example/hook"}""");
        clock.SetUtcNow(T0.AddSeconds(40));

        var outcome = await core.Executor.RunDueAsync(task, ClaimA);

        var claimed = Assert.Single(outcome.Claimed);
        var run = await core.Runs.GetAsync("keys", claimed.Occurrence, claimed.Generation);
        Assert.Equal(recorded, run?.SigningKeyIds is { } ids ? string.Join(',', ids) : null);
    }

    private static async Task<StoredTask> CreateAsync(CoreServices core, string json)
    {
        var response = await core.Api.CreateAsync(Encoding.UTF8.GetBytes(json));
        Assert.Equal(201, response.StatusCode);
        var id = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!;
        return (await core.Store.GetAsync(id))!;
    }

    // Succeeds at once, reporting the keys it signed with, as the HTTP invoker does.
    private sealed class KeyReportingTarget(TimeProvider clock, IReadOnlyList<string> keyIds) : Core.Targets.ITargetInvoker
    {
        public Task<Core.Targets.InvocationResult> InvokeAsync(Core.Targets.TargetInvocation invocation, CancellationToken cancellationToken = default) =>
            Task.FromResult(new Core.Targets.InvocationResult
            {
                Status = RunStatus.Succeeded,
                StartedAt = clock.GetUtcNow(),
                CompletedAt = clock.GetUtcNow(),
                Attempts = keyIds.Count > 0 ? 1 : 0,
                HttpStatus = 200,
                SigningKeyIds = keyIds,
            });
    }
}
