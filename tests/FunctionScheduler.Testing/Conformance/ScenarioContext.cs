using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Testing.Conformance;

/// <summary>What the runner gives a runtime it builds for one scenario: the clock, the scripted target, storage.</summary>
/// <param name="Clock">The scenario's clock: the runtime's own on a fake clock; on a real clock, the scenario's "now", which the runtime moves as real time reaches each step.</param>
/// <param name="AllowedLateness">
/// How long after its instant a fire may reach the target and still count as delivered at that instant. Zero (a
/// fake clock): every delivery instant is compared exactly. On a real clock: each fire must arrive within this bound,
/// never before its instant, and is then compared as if delivered at its instant.
/// </param>
public sealed record ScenarioContext(
    FakeTimeProvider Clock, ScriptedTarget Target, string StorageConnectionString, string TablePrefix, TimeSpan AllowedLateness = default);
