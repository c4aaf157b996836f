using Microsoft.DurableTask;
using Moq;

namespace FunctionScheduler.Functions.Surface.Tests;

// The virtual helpers must reach the abstract members, as the real base class's do. Moq intercepts virtual members
// too: a strict mock fails a call to an overload that is not set up even with CallBase, so these forwarding tests
// use loose mocks with CallBase, and the last test pins down the strict behaviour app tests will meet.
public class TaskOrchestrationContextTests
{
    private static readonly DateTime Now = new(2026, 3, 29, 1, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task CallActivityAsync_NonGeneric_ForwardsToAbstractGeneric()
    {
        var context = new Mock<TaskOrchestrationContext> { CallBase = true };
        context.Setup(c => c.CallActivityAsync<object>(new TaskName("Dispatch"), "run-1", null)).ReturnsAsync(new object());

        await context.Object.CallActivityAsync("Dispatch", "run-1");

        context.Verify(c => c.CallActivityAsync<object>(new TaskName("Dispatch"), "run-1", null), Times.Once);
    }

    [Fact]
    public async Task CreateTimer_Delay_FiresAtCurrentUtcDateTimePlusDelay()
    {
        var context = new Mock<TaskOrchestrationContext> { CallBase = true };
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
        context.Setup(c => c.CreateTimer(Now.AddMinutes(5), CancellationToken.None)).Returns(Task.CompletedTask);

        await context.Object.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);

        context.Verify(c => c.CreateTimer(Now.AddMinutes(5), CancellationToken.None), Times.Once);
    }

    [Fact]
    public void ContinueAsNew_Options_ForwardsInputAndPreserveFlag()
    {
        var context = new Mock<TaskOrchestrationContext> { CallBase = true };
        context.Setup(c => c.ContinueAsNew("next", false));

        context.Object.ContinueAsNew(new ContinueAsNewOptions { NewInput = "next", PreserveUnprocessedEvents = false });

        context.Verify(c => c.ContinueAsNew("next", false), Times.Once);
    }

    [Fact]
    public void StrictMock_UnsetAbstractMember_Throws()
    {
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict);

        Assert.Throws<MockException>(() => context.Object.NewGuid());
    }

    [Fact]
    public async Task StrictMock_VirtualOverloadWithOnlyAbstractSetUp_Throws()
    {
        var context = new Mock<TaskOrchestrationContext>(MockBehavior.Strict) { CallBase = true };
        context.Setup(c => c.CallActivityAsync<object>(new TaskName("Dispatch"), "run-1", null)).ReturnsAsync(new object());

        await Assert.ThrowsAsync<MockException>(() => context.Object.CallActivityAsync("Dispatch", "run-1"));
    }
}
