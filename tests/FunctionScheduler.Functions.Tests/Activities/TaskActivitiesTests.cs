using FunctionScheduler.Core.Model;
using FunctionScheduler.Functions.Activities;
using FunctionScheduler.Functions.Tests.Fakes;
using FunctionScheduler.Testing.Conformance;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Functions.Tests.Activities;

/// <summary>
/// The activities as Durable runs them (serialized input, through the app's bindings), against Azurite: both are
/// idempotent per occurrence, because Durable may run an activity again after it did its work.
/// </summary>
public class TaskActivitiesTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 20, TimeSpan.Zero);

    [Fact]
    public async Task ClaimDue_RunTwiceByTheSameClaimant_ClaimsTheSameOccurrenceWithTheTaskLease()
    {
        await using var app = await CreateDueTaskAsync();

        var first = await ClaimAsync(app, "task:beat/a");
        var again = await ClaimAsync(app, "task:beat/a");

        var claimed = Assert.Single(first.Claimed);
        Assert.Equal(At("10:01:00"), claimed.Occurrence.ScheduledAt);
        Assert.Equal(At("10:01:00") + ClaimLease.For(new HttpTarget { Url = new Uri("https://target.example/hook") }), claimed.ExpiresAt);
        Assert.Equal([claimed.Occurrence], again.Claimed.Select(c => c.Occurrence));
        Assert.Equal(At("10:02:00"), first.WakeAt);
    }

    [Fact]
    public async Task ClaimDue_AnotherClaimantMeanwhile_GetsNothingAndWakesAtTheLeaseOrNextFire()
    {
        await using var app = await CreateDueTaskAsync();
        await ClaimAsync(app, "task:beat/a");

        var other = await ClaimAsync(app, "task:beat/b");

        Assert.Empty(other.Claimed);
        Assert.Equal(At("10:02:00"), other.WakeAt);
    }

    [Fact]
    public async Task ClaimDue_WokenLessThanASecondEarly_WaitsForTheInstantThenClaimsIt()
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = await CreateDueTaskAsync(new TestApp(clock, new ScriptedTarget(clock)), clock, At("10:01:00").AddMilliseconds(-900));

        var claim = ClaimAsync(app, "task:beat/a", notBefore: At("10:01:00"));
        await Task.Delay(100);
        Assert.False(claim.IsCompleted, "The claim planned before the instant its timer was set for.");
        clock.Advance(TimeSpan.FromMilliseconds(900));

        Assert.Equal(At("10:01:00"), Assert.Single((await claim).Claimed).Occurrence.ScheduledAt);
    }

    [Fact]
    public async Task ClaimDue_NotBeforeFarAhead_PlansAtOnceWithoutWaiting()
    {
        await using var app = await CreateDueTaskAsync();

        var claim = await ClaimAsync(app, "task:beat/a", notBefore: At("10:01:00") + TaskActivities.MaxEarlyWake + TimeSpan.FromSeconds(1));

        Assert.Single(claim.Claimed);
    }

    [Fact]
    public async Task FireOccurrence_RunTwice_CallsTheTargetOnceAndRecordsOneRun()
    {
        await using var app = await CreateDueTaskAsync(out var target);
        var claimed = Assert.Single((await ClaimAsync(app, "task:beat/a")).Claimed);
        var input = DurableJson.Serialize(new FireOccurrenceInput("default", "beat", claimed));

        var first = DurableJson.Deserialize<FireOccurrenceResult>(await app.Host.RunActivityAsync(TaskActivities.FireOccurrence, input));
        var second = DurableJson.Deserialize<FireOccurrenceResult>(await app.Host.RunActivityAsync(TaskActivities.FireOccurrence, input));

        Assert.Single(target.Fires);
        Assert.Equal(first, second);
        Assert.Equal(RunStatus.Succeeded, first!.Status);
        Assert.Single(await app.AllRunsAsync("beat"));
        Assert.Empty((await app.Store.GetAsync("beat"))!.State.InFlight);
    }

    [Fact]
    public async Task Activities_TaskDeleted_ClaimSaysGoneAndFireDoesNothing()
    {
        await using var app = await CreateDueTaskAsync(out var target);
        var claimed = Assert.Single((await ClaimAsync(app, "task:beat/a")).Claimed);
        await app.Store.DeleteAsync("beat");

        var claim = await ClaimAsync(app, "task:beat/a");
        var fired = await app.Host.RunActivityAsync(TaskActivities.FireOccurrence, DurableJson.Serialize(new FireOccurrenceInput("default", "beat", claimed)));

        Assert.Equal(ClaimDueResult.Gone.Exists, claim.Exists);
        Assert.Null(fired);
        Assert.Empty(target.Fires);
    }

    [Theory]
    [InlineData(30, 3, 2, 60 + 2 * 60 + 30)]
    [InlineData(600, 10, 60, 60 + 60 * 60 + 600)]
    [InlineData(1, 1, 0, 60 + 1)]
    public void ClaimLease_Target_CoversRetryBudgetPlusOneAttemptPlusMargin(int timeoutSeconds, int attempts, int budgetMinutes, int expectedSeconds)
    {
        var target = new HttpTarget
        {
            Url = new Uri("https://target.example/hook"),
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            Retry = new TargetRetryPolicy { MaxAttempts = attempts, MaxDuration = TimeSpan.FromMinutes(budgetMinutes) },
        };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), ClaimLease.For(target));
    }

    private static Task<TestApp> CreateDueTaskAsync() => CreateDueTaskAsync(out _);

    private static Task<TestApp> CreateDueTaskAsync(out ScriptedTarget target)
    {
        var clock = new FakeTimeProvider(Start);
        target = new ScriptedTarget(clock);
        return CreateDueTaskAsync(new TestApp(clock, target), clock);
    }

    // Created through the API with the fake client, then the clock moves to the first occurrence without letting
    // the orchestration run: the activities are called by hand.
    private static async Task<TestApp> CreateDueTaskAsync(TestApp app, FakeTimeProvider clock, DateTimeOffset? at = null)
    {
        var created = await app.Host.SendAsync("POST", "/api/tasks", app.Durable, """{ "id": "beat", "cron": "* * * * *", "url": "https://target.example/hook" }""");
        Assert.Equal(201, (int)created.StatusCode);
        clock.SetUtcNow(at ?? At("10:01:00"));
        return app;
    }

    private static async Task<ClaimDueResult> ClaimAsync(TestApp app, string claimant, DateTimeOffset? notBefore = null) =>
        DurableJson.Deserialize<ClaimDueResult>(
            await app.Host.RunActivityAsync(TaskActivities.ClaimDue, DurableJson.Serialize(new ClaimDueInput("default", "beat", claimant, notBefore))))!;

    private static DateTimeOffset At(string time) =>
        DateTimeOffset.Parse($"2026-03-02T{time}Z", System.Globalization.CultureInfo.InvariantCulture);
}
