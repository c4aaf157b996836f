using System.Text;
using FunctionScheduler.Core.Execution;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Planning;
using FunctionScheduler.Core.Targets;
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
    public async Task ClaimDueAsync_ClaimantDeadWithinItsLease_AnotherInstanceTakesItOverAtOnce()
    {
        var clock = new FakeTimeProvider(T0);
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target);
        var task = await CreateAsync(core, """{"id":"crashed","cron":"* * * * *","url":"https://target.example/hook"}""");
        clock.SetUtcNow(T0.AddSeconds(40));
        var abandoned = await core.Executor.ClaimDueAsync(task, ClaimA with { Lease = TimeSpan.FromMinutes(30) });
        var claimed = Assert.Single(abandoned.Claimed);

        // One second later, half an hour before the lease ends, instance A is known to be gone.
        clock.Advance(TimeSpan.FromSeconds(1));
        var alive = await core.Executor.ClaimDueAsync(abandoned.Task!, ClaimB);
        var taken = await core.Executor.RunDueAsync(alive.Task!, ClaimB with { DeadClaimants = new HashSet<string> { "instance-a" } });

        Assert.Empty(alive.Claimed);
        Assert.Contains(taken.Claimed, c => c.Occurrence == claimed.Occurrence && c.ClaimedBy == "instance-b");
        Assert.Equal([RunId.For("crashed", claimed.Occurrence, claimed.Generation)], target.Fires.Select(f => f.RunId));
        Assert.Empty((await core.Store.GetAsync("crashed"))!.State.InFlight);
    }

    [Fact]
    public async Task RunDueAsync_GateClosedBeforeTheClaim_ClaimsAndWritesNothing()
    {
        var clock = new FakeTimeProvider(T0);
        var log = new RequestLog("");
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, target, tablePolicy: log);
        var task = await CreateAsync(core, """{"id":"closed","cron":"* * * * *","url":"https://target.example/hook"}""");
        clock.SetUtcNow(T0.AddSeconds(40));
        var gate = new FireGate();
        await gate.CloseAsync();
        log.Take();

        var outcome = await core.Executor.RunDueAsync(task, ClaimA, gate);

        Assert.Empty(outcome.Claimed);
        Assert.Empty(log.Take());
        Assert.Empty(target.Fires);
    }

    [Fact]
    public async Task RunDueAsync_GateClosesDuringTheFirstInvocation_HandsBackTheRestForAnotherInstanceAtOnce()
    {
        var clock = new FakeTimeProvider(T0);
        var gate = new FireGate();
        var target = new ScriptedTarget(clock);
        await using var core = new CoreServices(clock, new ClosingTarget(target, gate));
        var task = await CreateAsync(core, """
            {"id":"behind","schedule":{"cron":"* * * * *","misfire":{"policy":"catchUp","grace":"PT1H"}},
             "target":{"url":"https://target.example/hook"}}
            """);
        clock.SetUtcNow(T0.AddMinutes(3));   // three occurrences due, claimed together

        var stopping = await core.Executor.RunDueAsync(task, ClaimA, gate);
        var handedBack = (await core.Store.GetAsync("behind"))!.State.InFlight;
        var firedWhileStopping = target.Fires.Count;
        var taken = await core.Executor.RunDueAsync((await core.Store.GetAsync("behind"))!, ClaimB);

        Assert.Equal(3, stopping.Claimed.Count);
        Assert.Equal(1, firedWhileStopping);
        Assert.Equal(2, handedBack.Count);
        Assert.All(handedBack, c => Assert.Equal(("instance-a", clock.GetUtcNow()), (c.ClaimedBy, c.ExpiresAt)));
        Assert.Equal(handedBack.Select(c => c.Occurrence), taken.Claimed.Select(c => c.Occurrence));
        Assert.Equal(3, target.Fires.Select(f => f.RunId).Distinct().Count());
        Assert.Empty((await core.Store.GetAsync("behind"))!.State.InFlight);
    }

    [Fact]
    public async Task FireGate_CloseAsync_WaitsOnlyForFiresStillDeciding()
    {
        var gate = new FireGate();
        Assert.True(gate.TryEnter());
        Assert.True(gate.TryEnter());

        var closing = gate.CloseAsync();
        gate.Leave();
        var stillOne = closing.IsCompleted;
        gate.Leave();

        Assert.False(stillOne);
        await closing.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(gate.TryEnter());
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

    // Stands for a host that starts stopping while its first invocation is under way.
    private sealed class ClosingTarget(ScriptedTarget inner, FireGate gate) : ITargetInvoker
    {
        public async Task<InvocationResult> InvokeAsync(TargetInvocation invocation, CancellationToken cancellationToken = default)
        {
            var closing = gate.CloseAsync();
            var result = await inner.InvokeAsync(invocation, cancellationToken);
            Assert.True(closing.IsCompleted, "The gate waited for a fire that was already invoking.");
            return result;
        }
    }

    // Succeeds at once, reporting the keys it signed with, as the HTTP invoker does.
    private sealed class KeyReportingTarget(TimeProvider clock, IReadOnlyList<string> keyIds) : ITargetInvoker
    {
        public Task<InvocationResult> InvokeAsync(TargetInvocation invocation, CancellationToken cancellationToken = default) =>
            Task.FromResult(new InvocationResult
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
