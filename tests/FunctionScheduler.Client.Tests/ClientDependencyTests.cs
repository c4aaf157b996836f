namespace FunctionScheduler.Client.Tests;

/// <summary>The client must not drag the server in: no core, no Table Storage, no Cronos, no hosting.</summary>
public sealed class ClientDependencyTests
{
    [Fact]
    public void ClientAssembly_References_NeitherTheServerNorItsDependencies()
    {
        var names = typeof(FunctionSchedulerClient).Assembly.GetReferencedAssemblies().Select(name => name.Name!).ToList();

        Assert.Contains("FunctionScheduler.Contracts", names);
        Assert.DoesNotContain(names, name =>
            name.StartsWith("FunctionScheduler.Core", StringComparison.Ordinal)
            || name.StartsWith("FunctionScheduler.Standalone", StringComparison.Ordinal)
            || name.StartsWith("Azure.", StringComparison.Ordinal)
            || name == "Cronos"
            || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal));
    }

    [Fact]
    public void ContractsAssembly_References_OnlyTheFramework()
    {
        var names = typeof(TaskRepresentation).Assembly.GetReferencedAssemblies().Select(name => name.Name!);

        Assert.All(names, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard", name));
    }
}
