using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Testing.Conformance;

/// <summary>What the runner gives a runtime it builds for one scenario: the clock, the scripted target, storage.</summary>
public sealed record ScenarioContext(FakeTimeProvider Clock, ScriptedTarget Target, string StorageConnectionString, string TablePrefix);
