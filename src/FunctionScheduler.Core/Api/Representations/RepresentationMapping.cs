using System.Diagnostics.CodeAnalysis;
using FunctionScheduler.Core.Describing;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;

namespace FunctionScheduler.Core.Api.Representations;

/// <summary>
/// Maps the core's model to the wire types of FunctionScheduler.Contracts. The mapping lives here, not beside the
/// wire types, because the contracts know nothing of the model; as static extension members it still reads
/// <c>TaskRepresentation.From(task)</c> at every call site.
/// </summary>
[SuppressMessage("Naming", "CA1708", Justification = "The analyzer reads every extension block as a member named 'extension'.")]
public static class RepresentationMapping
{
    extension(TaskRepresentation)
    {
        /// <summary>The representation of <paramref name="task"/>.</summary>
        public static TaskRepresentation From(StoredTask task)
        {
            ArgumentNullException.ThrowIfNull(task);
            var definition = task.Definition;
            return new TaskRepresentation
            {
                Id = definition.Id,
                Name = definition.Name,
                Description = definition.Description,
                Group = definition.Group,
                Schedule = ScheduleRepresentation.From(definition.Schedule),
                Target = TargetRepresentation.From(definition.Target),
                State = TaskStateRepresentation.From(task.State) with { Health = TaskHealthRepresentation.From(definition, task.State) },
                FailureAction = definition.FailureAction is { } action ? FailureActionRepresentation.From(action) : null,
                OverdueTolerance = definition.OverdueTolerance,
                AutoPauseAfter = definition.AutoPauseAfter,
                Version = task.Version,
                ScheduleText = ScheduleText.Describe(definition.Schedule),
            };
        }

        /// <summary>A page of tasks.</summary>
        public static PageRepresentation<TaskRepresentation> FromPage(TaskPage page)
        {
            ArgumentNullException.ThrowIfNull(page);
            return new PageRepresentation<TaskRepresentation>([.. page.Items.Select(TaskRepresentation.From)], page.ContinuationToken);
        }
    }

    extension(ScheduleRepresentation)
    {
        /// <summary>The representation of <paramref name="schedule"/>.</summary>
        public static ScheduleRepresentation From(TaskSchedule schedule)
        {
            ArgumentNullException.ThrowIfNull(schedule);
            return new ScheduleRepresentation
            {
                Cron = schedule.Kind == ScheduleKind.Cron ? schedule.Cron : null,
                Interval = schedule.Kind == ScheduleKind.Interval ? schedule.Interval : null,
                At = schedule.Kind == ScheduleKind.Once ? schedule.At : null,
                TimeZone = schedule.Kind == ScheduleKind.Cron ? schedule.TimeZone : null,
                StartAt = schedule.StartAt,
                EndAt = schedule.EndAt,
                MaxRuns = schedule.MaxRuns,
                Jitter = schedule.Jitter,
                Misfire = new MisfireRepresentation
                {
                    Policy = schedule.Misfire,
                    Grace = schedule.MisfireGrace,
                    CatchUpLimit = schedule.CatchUpLimit,
                },
            };
        }
    }

    extension(TargetRepresentation)
    {
        /// <summary>The representation of <paramref name="target"/>, secrets blanked.</summary>
        public static TargetRepresentation From(HttpTarget target)
        {
            ArgumentNullException.ThrowIfNull(target);
            return new TargetRepresentation
            {
                // The URL as the user wrote it, so a read-edit-put round trip changes nothing.
                Url = target.Url.OriginalString,
                Method = target.Method,
                Headers = new Dictionary<string, string>(target.Headers, StringComparer.OrdinalIgnoreCase),
                SecretHeaders = target.SecretHeaders.Keys.ToDictionary(name => name, _ => (string?)null, StringComparer.OrdinalIgnoreCase),
                Body = target.Body,
                ContentType = target.ContentType,
                Timeout = target.Timeout,
                Retry = new RetryRepresentation
                {
                    MaxAttempts = target.Retry.MaxAttempts,
                    InitialDelay = target.Retry.InitialDelay,
                    MaxDelay = target.Retry.MaxDelay,
                    MaxDuration = target.Retry.MaxDuration,
                },
                Success = SuccessRepresentation.From(target.Success),
                Auth = target.Auth is { } auth ? new TargetAuthRepresentation { Type = auth.Type, Audience = auth.Audience } : null,
            };
        }
    }

    extension(TaskStateRepresentation)
    {
        /// <summary>The representation of <paramref name="state"/>; claims and cursors stay internal.</summary>
        public static TaskStateRepresentation From(TaskRunState state)
        {
            ArgumentNullException.ThrowIfNull(state);
            return new TaskStateRepresentation
            {
                Lifecycle = state.Lifecycle,
                PausedReason = state.Lifecycle == TaskLifecycle.Paused ? state.PausedReason : null,
                Completion = state.Completion,
                Generation = state.Generation,
                NextFireAt = state.NextFireAt,
                FireCount = state.FireCount,
                LastRun = state.LastRun is { } lastRun ? LastRunRepresentation.From(lastRun) : null,
                RunStats = RunStatisticsRepresentation.From(state.RunStats),
                PendingRunRequests = state.RunRequests.Count,
                Backfill = state.Backfill is { } backfill ? BackfillRepresentation.From(backfill) : null,
                CreatedAt = state.CreatedAt,
                UpdatedAt = state.UpdatedAt,
            };
        }
    }

    extension(LastRunRepresentation)
    {
        /// <summary>The representation of <paramref name="lastRun"/>.</summary>
        public static LastRunRepresentation From(LastRunSummary lastRun)
        {
            ArgumentNullException.ThrowIfNull(lastRun);
            return new LastRunRepresentation
            {
                RunId = lastRun.RunId,
                ScheduledAt = lastRun.ScheduledAt,
                Status = lastRun.Status,
                HttpStatus = lastRun.HttpStatus,
                CompletedAt = lastRun.CompletedAt,
                DurationMs = Milliseconds(lastRun.Duration),
            };
        }
    }

    extension(RunStatisticsRepresentation)
    {
        /// <summary>The representation of <paramref name="stats"/>.</summary>
        public static RunStatisticsRepresentation From(RunStatistics stats)
        {
            ArgumentNullException.ThrowIfNull(stats);
            return new RunStatisticsRepresentation
            {
                Total = stats.Total,
                Succeeded = stats.Succeeded,
                Failed = stats.Failed,
                Missed = stats.Missed,
                SuccessRate = stats.SuccessRate,
                Recent = [.. stats.Recent.Select(run => new RecentRunRepresentation
                {
                    ScheduledAt = run.ScheduledAt,
                    Kind = run.Kind,
                    Status = run.Status,
                    HttpStatus = run.HttpStatus,
                    DurationMs = Milliseconds(run.Duration),
                })],
            };
        }
    }

    extension(RunRepresentation)
    {
        /// <summary>The representation of <paramref name="run"/>.</summary>
        public static RunRepresentation From(RunRecord run)
        {
            ArgumentNullException.ThrowIfNull(run);
            return new RunRepresentation
            {
                RunId = run.RunId,
                TaskId = run.TaskId,
                Kind = run.Occurrence.Kind,
                ScheduledAt = run.Occurrence.ScheduledAt,
                FireAt = run.Occurrence.FireAt,
                Status = run.Status,
                Generation = run.Generation,
                StartedAt = run.StartedAt,
                CompletedAt = run.CompletedAt,
                Attempts = run.Attempts,
                HttpStatus = run.HttpStatus,
                DurationMs = Milliseconds(run.Duration),
                ErrorClass = run.ErrorClass == RunErrorClass.None ? null : run.ErrorClass,
                Error = run.Error,
                ResponseSnippet = run.ResponseSnippet,
                MissedCount = run.MissedCount,
                MissedFrom = run.MissedFrom,
                Notification = run.Notification is { } notification ? NotificationRepresentation.From(notification) : null,
                SigningKeyIds = run.SigningKeyIds,
            };
        }

        /// <summary>A page of run history.</summary>
        public static PageRepresentation<RunRepresentation> FromPage(RunPage page)
        {
            ArgumentNullException.ThrowIfNull(page);
            return new PageRepresentation<RunRepresentation>([.. page.Items.Select(RunRepresentation.From)], page.ContinuationToken);
        }
    }

    private static long? Milliseconds(TimeSpan? duration) => duration is { } d ? (long)d.TotalMilliseconds : null;
}
