namespace FunctionScheduler.Testing.Timing;

/// <summary>
/// Bounded polling for things a real clock makes happen: the test asserts that the condition came true, never how
/// quickly (the bound only keeps a broken runtime from hanging the run).
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan bound)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTimeOffset.UtcNow + bound;
        while (!condition())
        {
            if (DateTimeOffset.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(Poll).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The same for a condition that has to ask something (the index, the task hub).</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan bound)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTimeOffset.UtcNow + bound;
        while (!await condition().ConfigureAwait(false))
        {
            if (DateTimeOffset.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(Poll).ConfigureAwait(false);
        }

        return true;
    }
}
