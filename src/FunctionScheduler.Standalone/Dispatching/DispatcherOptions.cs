using System.ComponentModel.DataAnnotations;

namespace FunctionScheduler.Standalone.Dispatching;

/// <summary>How the embedded dispatcher runs (configuration section <c>Scheduler:Standalone:Dispatcher</c>).</summary>
public sealed class DispatcherOptions : IValidatableObject
{
    public const string SectionName = "Scheduler:Standalone:Dispatcher";

    /// <summary>
    /// The claimant name written into claims. Empty: a fresh id per process start (host name, process id and a
    /// random suffix), which is what several instances on one storage account need. Set it only to tell instances
    /// apart in the index; two running instances must never share one. It is also the row key of the instance's
    /// heartbeat, hence the restricted characters.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")]
    public string? InstanceId { get; set; }

    /// <summary>
    /// How often the whole index is read again, to pick up other instances' changes and claims that lapsed.
    /// Changes made through this instance's API take effect at once, whatever this says.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Tasks per page when loading the index at start (the index's own limit is 1000).</summary>
    [Range(1, 1000)]
    public int LoadPageSize { get; set; } = 1000;

    /// <summary>
    /// Tasks per page when reading the index again while tasks fire. Smaller than the load's: a large page keeps
    /// the storage service busy long enough to delay the claims of fires due meanwhile (measured with Azurite:
    /// docs/benchmarks/standalone-load.md), and a resync is not in a hurry.
    /// </summary>
    [Range(1, 1000)]
    public int ResyncPageSize { get; set; } = 100;

    /// <summary>
    /// How often this instance writes its heartbeat and reads the others' (one write and one query each time,
    /// whatever the number of tasks and claims).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long another instance's heartbeat may stay unchanged before it counts as gone and its claims are taken
    /// over. At least three heartbeat intervals, so that one slow write never makes a live instance look dead.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.300", "01:00:00")]
    public TimeSpan HostTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The shortest claim lease, a backstop only: claims are taken over when their instance is gone (see
    /// <see cref="HostTimeout"/>), and the lease matters only for a claimant with no heartbeat to judge (an
    /// instance whose record was deleted, or a Functions orchestration sharing the index). A task whose target can
    /// take longer (timeout and retries) gets a longer lease, so a live instance is never overtaken by it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Most tasks firing at once in this instance; each task fires one occurrence at a time. Fires wait on I/O, so
    /// this is set high: when many tasks come due together, all their claims reach storage before the run records of
    /// the first ones, which keeps the last of them from waiting behind the others' bookkeeping, and the writes of one
    /// partition that wait together share a transaction (a burst of 10,000 on Azurite: p99 10.5 s with 256, 8.6 s
    /// with 1024).
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConcurrentFires { get; set; } = 1024;

    /// <summary>On shutdown, how long in-flight fires may take to finish and be recorded before they are cancelled.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After a fire failed on a storage error, how long before the task is tried again (re-read first); also the
    /// pause before reading the index again after a failed read. Short, so fires resume soon after an outage: each
    /// attempt meanwhile costs one request that fails within the storage request timeout.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HostTimeout < HeartbeatInterval * 3)
        {
            yield return new ValidationResult(
                $"{SectionName}:HostTimeout ({HostTimeout}) must be at least three times {SectionName}:HeartbeatInterval ({HeartbeatInterval}).",
                [nameof(HostTimeout), nameof(HeartbeatInterval)]);
        }
    }
}
