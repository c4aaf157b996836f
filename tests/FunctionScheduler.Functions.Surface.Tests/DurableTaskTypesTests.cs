using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Moq;

namespace FunctionScheduler.Functions.Surface.Tests;

public class DurableTaskTypesTests
{
    [Theory]
    [InlineData("Dispatch", "dispatch", true)]
    [InlineData("Dispatch", "Reconcile", false)]
    public void TaskName_Equality_IgnoresCase(string left, string right, bool expected)
    {
        TaskName a = left;
        TaskName b = right;

        Assert.Equal(expected, a == b);
        Assert.Equal(left, (string)a);
    }

    [Fact]
    public void FromRetryPolicy_Policy_IsCarriedAsRetryPolicy()
    {
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(5), backoffCoefficient: 2.0);

        TaskOptions options = TaskOptions.FromRetryPolicy(policy);

        Assert.Same(policy, options.Retry?.Policy);
        Assert.Equal(TimeSpan.FromHours(1), policy.MaxRetryInterval);
        Assert.Equal(Timeout.InfiniteTimeSpan, policy.RetryTimeout);
    }

    [Theory]
    [InlineData(0, 5, 1.0)]
    [InlineData(3, 0, 1.0)]
    [InlineData(3, 5, 0.5)]
    public void RetryPolicy_InvalidArgument_Throws(int attempts, int firstRetrySeconds, double backoff)
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(
            () => new RetryPolicy(attempts, TimeSpan.FromSeconds(firstRetrySeconds), backoff));
    }

    [Fact]
    public async Task GetInstanceAsync_Client_ForwardsToAbstractGetInstancesAsync()
    {
        var metadata = new OrchestrationMetadata("TaskLoop", "task-1") { RuntimeStatus = OrchestrationRuntimeStatus.Suspended };
        var client = new Mock<DurableTaskClient>("default") { CallBase = true };
        client.Setup(c => c.GetInstancesAsync("task-1", false, CancellationToken.None)).ReturnsAsync(metadata);

        OrchestrationMetadata? found = await client.Object.GetInstanceAsync("task-1");

        Assert.Same(metadata, found);
        Assert.False(found!.IsRunning);
    }

    [Fact]
    public async Task TerminateInstanceAsync_Output_PassesOptionsWithOutput()
    {
        var client = new Mock<DurableTaskClient>("default") { CallBase = true };
        client.Setup(c => c.TerminateInstanceAsync("task-1", It.Is<TerminateInstanceOptions?>(o => o!.Output as string == "deleted"), CancellationToken.None))
            .Returns(Task.CompletedTask);

        await client.Object.TerminateInstanceAsync("task-1", (object)"deleted");

        client.Verify(
            c => c.TerminateInstanceAsync("task-1", It.Is<TerminateInstanceOptions?>(o => o!.Output as string == "deleted"), CancellationToken.None),
            Times.Once);
    }

    [Fact]
    public void ReadCustomStatusAs_WithConverter_Deserializes()
    {
        var metadata = new OrchestrationMetadata("TaskLoop", "task-1")
        {
            DataConverter = JsonDataConverter.Default,
            SerializedCustomStatus = """{"NextRunAt":"2026-03-29T01:30:00+00:00"}""",
        };

        Dictionary<string, DateTimeOffset>? status = metadata.ReadCustomStatusAs<Dictionary<string, DateTimeOffset>>();

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), status!["NextRunAt"]);
    }

    [Fact]
    public void ReadCustomStatusAs_WithoutConverter_Throws()
    {
        var metadata = new OrchestrationMetadata("TaskLoop", "task-1") { SerializedCustomStatus = "{}" };

        Assert.Throws<InvalidOperationException>(() => metadata.ReadCustomStatusAs<object>());
    }
}
