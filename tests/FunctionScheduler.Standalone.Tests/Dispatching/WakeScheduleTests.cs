using FunctionScheduler.Core.Model;
using FunctionScheduler.Standalone.Dispatching;

namespace FunctionScheduler.Standalone.Tests.Dispatching;

public sealed class WakeScheduleTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryTakeDue_SeveralTasks_TakesDueOnesInWakeOrderOnly()
    {
        var schedule = new WakeSchedule();
        var late = schedule.Add(Task("late"));
        var early = schedule.Add(Task("early"));
        var future = schedule.Add(Task("future"));
        schedule.SetWake(late, T0.AddSeconds(2));
        schedule.SetWake(early, T0.AddSeconds(1));
        schedule.SetWake(future, T0.AddSeconds(10));

        var taken = new List<string>();
        while (schedule.TryTakeDue(T0.AddSeconds(5), out var slot))
        {
            taken.Add(slot.Id);
        }

        Assert.Equal(["early", "late"], taken);
        Assert.Equal(T0.AddSeconds(10), schedule.Earliest());
        Assert.Null(early.WakeAt);
    }

    [Fact]
    public void SetWake_MovedLater_OldEntryIgnored()
    {
        var schedule = new WakeSchedule();
        var slot = schedule.Add(Task("moved"));
        schedule.SetWake(slot, T0);
        schedule.SetWake(slot, T0.AddMinutes(1));

        Assert.False(schedule.TryTakeDue(T0.AddSeconds(30), out _));
        Assert.Equal(T0.AddMinutes(1), schedule.Earliest());
    }

    [Fact]
    public void SetWake_Null_TaskNeverDue()
    {
        var schedule = new WakeSchedule();
        var slot = schedule.Add(Task("paused"));
        schedule.SetWake(slot, T0);
        schedule.SetWake(slot, null);

        Assert.Null(schedule.Earliest());
        Assert.False(schedule.TryTakeDue(DateTimeOffset.MaxValue, out _));
    }

    [Fact]
    public void Earliest_RunningTask_Skipped()
    {
        var schedule = new WakeSchedule();
        var busy = schedule.Add(Task("busy"));
        var idle = schedule.Add(Task("idle"));
        schedule.SetWake(busy, T0);
        schedule.SetWake(idle, T0.AddSeconds(3));
        busy.Running = true;

        Assert.Equal(T0.AddSeconds(3), schedule.Earliest());
    }

    [Fact]
    public void Remove_WakingTask_GoneFromQueueAndIndex()
    {
        var schedule = new WakeSchedule();
        var slot = schedule.Add(Task("gone"));
        schedule.SetWake(slot, T0);

        schedule.Remove(slot);

        Assert.False(schedule.TryGet("gone", out _));
        Assert.Null(schedule.Earliest());
        Assert.Equal(0, schedule.Count);
    }

    [Fact]
    public void SetWake_ManyChangesWithoutComingDue_QueueStaysBounded()
    {
        var schedule = new WakeSchedule();
        var slot = schedule.Add(Task("restless"));
        for (var i = 0; i < 10_000; i++)
        {
            schedule.SetWake(slot, T0.AddSeconds(i % 2 == 0 ? 5 : 6));
        }

        Assert.InRange(schedule.QueueLength, 1, 1024 + 3);
        Assert.Equal(T0.AddSeconds(6), schedule.Earliest());
    }

    private static StoredTask Task(string id) => new(
        new ScheduledTask
        {
            Id = id,
            Schedule = new TaskSchedule { Kind = ScheduleKind.Interval, Interval = TimeSpan.FromMinutes(1) },
            Target = new HttpTarget { Url = new Uri("http://127.0.0.1/") },
        },
        TaskRunState.New(T0),
        "v1");
}
