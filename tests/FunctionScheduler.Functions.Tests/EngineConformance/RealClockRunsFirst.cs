using FunctionScheduler.Functions.Tests.EngineConformance;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("FunctionScheduler.Functions.Tests.EngineConformance.RealClockRunsFirst", "FunctionScheduler.Functions.Tests")]

namespace FunctionScheduler.Functions.Tests.EngineConformance;

/// <summary>
/// Starts <see cref="EngineConformanceTests"/> before every other test class of the assembly. Its runs take minutes
/// of real time and nearly no CPU, so started first they overlap everything else; started last (the default order
/// is by a hash of the class name) they would add their whole length to the run. The rest keep the default order.
/// </summary>
public sealed class RealClockRunsFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => c.DisplayName.Contains(nameof(EngineConformanceTests), StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => c.UniqueID);
}
