using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Testing.Conformance;
using Microsoft.Extensions.Time.Testing;
using Xunit.Sdk;

namespace FunctionScheduler.Functions.Tests.EngineConformance;

/// <summary>
/// The runner's comparison of fires on a real clock (<see cref="ScenarioContext.AllowedLateness"/>), against a
/// runtime that delivers scripted fires: late within the bound counts as on time, order follows the instants, and
/// anything early or later fails; on a fake clock (no allowed lateness) delivery instants stay exact.
/// </summary>
public sealed class RunnerLatenessTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly Scenario Expecting = Scenario.Parse("lateness", """
        { "start": "2026-03-02T10:00:00Z", "steps": [
          { "advanceTo": "2026-03-02T10:02:00Z" },
          { "expectFires": [
            { "task": "a", "scheduledAt": "2026-03-02T10:01:00Z", "deliveredAt": "2026-03-02T10:01:00Z" },
            { "task": "b", "scheduledAt": "2026-03-02T10:01:00.5Z", "deliveredAt": "2026-03-02T10:01:00.5Z" } ] } ] }
        """);

    [Fact]
    public async Task ExpectFires_RealClockDeliveriesWithinTheBound_CountAtTheirInstantsInTheirOrder()
    {
        // b arrives first, 100 ms late; a arrives 2 s late: by their instants a comes first, both on time.
        await RunAsync(TimeSpan.FromSeconds(5), ("b", 500, 100), ("a", 0, 2_000));
    }

    [Theory]
    [InlineData(5_001)] // later than allowed
    [InlineData(-1)]    // before its instant
    public async Task ExpectFires_RealClockDeliveryOutsideTheBound_Fails(int lateMilliseconds)
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => RunAsync(TimeSpan.FromSeconds(5), ("a", 0, lateMilliseconds), ("b", 500, 0)));

        Assert.Contains("allowed 0 to 5000 ms", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectFires_FakeClock_ComparesDeliveryInstantsExactly()
    {
        var failure = await Assert.ThrowsAsync<XunitException>(() => RunAsync(TimeSpan.Zero, ("a", 0, 1), ("b", 500, 1)));

        Assert.Contains("delivered 2026-03-02T10:01:00.001Z, expected", failure.Message, StringComparison.Ordinal);
    }

    private static Task RunAsync(TimeSpan allowedLateness, params (string Task, int DueMilliseconds, int LateMilliseconds)[] deliveries)
    {
        var deliveryClock = new DeliveryClock();
        var target = new ScriptedTarget(deliveryClock);
        var context = new ScenarioContext(new FakeTimeProvider(Start), target, "unused", "unused", allowedLateness);
        var runtime = new DeliveringRuntime(context, deliveryClock, deliveries);
        return new ScenarioRunner(Expecting, runtime, context).RunAsync();
    }

    // Delivers the scripted fires, in the order given, when time passes: each due one minute after the start plus
    // its milliseconds, and reaching the target its lateness after that.
    private sealed class DeliveringRuntime(
        ScenarioContext context, DeliveryClock deliveryClock, IReadOnlyList<(string Task, int DueMilliseconds, int LateMilliseconds)> deliveries)
        : IConformanceRuntime
    {
        public async Task AdvanceToAsync(DateTimeOffset until)
        {
            foreach (var (task, due, late) in deliveries)
            {
                var at = Start.AddMinutes(1).AddMilliseconds(due);
                deliveryClock.Now = at.AddMilliseconds(late);
                await context.Target.InvokeAsync(new TargetInvocation(task, task + ":run", Occurrence.Scheduled(at, at), new HttpTarget { Url = new Uri("https://target.example/") }));
            }

            context.Clock.SetUtcNow(until);
        }

        public Task<int> SendAsync(string method, string path, string? body) => throw new NotSupportedException();

        public Task DownUntilAsync(DateTimeOffset until) => throw new NotSupportedException();

        public Task StallUntilAsync(DateTimeOffset until, bool recover) => throw new NotSupportedException();

        public Task<StoredTask?> GetTaskAsync(string id) => throw new NotSupportedException();

        public Task<IReadOnlyList<RunRecord>> GetRunsAsync(string id) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    // The target's clock: set to each delivery's instant, in any order (a fake clock only moves forward).
    private sealed class DeliveryClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = Start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
