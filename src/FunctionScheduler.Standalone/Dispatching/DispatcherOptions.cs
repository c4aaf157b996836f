using System.ComponentModel.DataAnnotations;

namespace FunctionScheduler.Standalone.Dispatching;

/// <summary>How the embedded dispatcher runs (configuration section <c>Scheduler:Standalone:Dispatcher</c>).</summary>
public sealed class DispatcherOptions
{
    public const string SectionName = "Scheduler:Standalone:Dispatcher";

    /// <summary>
    /// The claimant name written into claims. Empty: a fresh id per process start (host name, process id and a
    /// random suffix), which is what several instances on one storage account need. Set it only to tell instances
    /// apart in the index; two running instances must never share one.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// How often the whole index is read again, to pick up other instances' changes and claims that lapsed.
    /// Changes made through this instance's API take effect at once, whatever this says.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Tasks per page when reading the index (the index's own limit is 1000).</summary>
    [Range(1, 1000)]
    public int ResyncPageSize { get; set; } = 1000;

    /// <summary>
    /// The shortest claim: after this long another instance may take over an occurrence this one claimed and did
    /// not record. A task whose target can take longer (timeout and retries) gets a longer claim.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Most tasks firing at once in this instance; each task fires one occurrence at a time.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentFires { get; set; } = 64;

    /// <summary>On shutdown, how long in-flight fires may take to finish and be recorded before they are cancelled.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After a fire failed on a storage error, how long before the task is tried again (re-read first).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromSeconds(5);
}
