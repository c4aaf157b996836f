namespace FunctionScheduler.Core.Planning;

/// <summary>The zone's offset changes at <paramref name="At"/> (UTC ticks) from <paramref name="Before"/> to <paramref name="After"/> (ticks).</summary>
internal readonly record struct OffsetChange(long At, long Before, long After)
{
    /// <summary>True when the clock moves forward: local times in [At + Before, At + After) do not exist.</summary>
    public bool IsGap => After > Before;
}
