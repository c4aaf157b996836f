namespace FunctionScheduler.Benchmarks.Load;

/// <summary>One row of the report.</summary>
internal sealed record WorkloadResult
{
    public required string Name { get; init; }

    public int Tasks { get; init; }

    public double OfferedPerSecond { get; init; }

    public double FiresPerSecond { get; init; }

    public long Fires { get; init; }

    public double P50Ms { get; init; } = double.NaN;

    public double P99Ms { get; init; } = double.NaN;

    public double MaxMs { get; init; } = double.NaN;

    public double StorageOpsPerFire { get; init; } = double.NaN;

    public long Duplicates { get; init; }

    public TimeSpan? LoadTime { get; init; }

    public double ManagedMb { get; init; }

    public double WorkingSetMb { get; init; }

    /// <summary>Host process CPU, in cores (2 = both cores busy).</summary>
    public double HostCores { get; init; }

    /// <summary>Azurite CPU, in cores (it is single-threaded: 1 = saturated).</summary>
    public double AzuriteCores { get; init; }

    public string Notes { get; init; } = "";

    /// <summary>For a ramp step: the storage ceiling measured just before it, with no host running.</summary>
    public double CeilingBefore { get; init; } = double.NaN;

    /// <summary>For a ramp step: the fire-mix ceiling (a fire's own writes, nothing else) measured just before it.</summary>
    public double FireMixCeilingBefore { get; init; } = double.NaN;

    /// <summary>Fires per second against what the adjacent ceiling allows at this step's operations per fire.</summary>
    public double OfCeiling => FiresPerSecond / (CeilingBefore / StorageOpsPerFire);

    /// <summary>Fires per second against what storage does with a fire's own writes and no dispatcher.</summary>
    public double OfFireMixCeiling => FiresPerSecond / (FireMixCeilingBefore / StorageOpsPerFire);

    public bool Sustained => Fires > 0 && FiresPerSecond >= 0.95 * OfferedPerSecond && P99Ms < 1000;
}
