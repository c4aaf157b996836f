namespace FunctionScheduler.Standalone.Tests.Support;

/// <summary>
/// Bounded polling for things a real clock makes happen: the test asserts that the condition came true, never how
/// quickly (the bound only keeps a broken runtime from hanging the run).
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan bound)
    {
        var deadline = DateTimeOffset.UtcNow + bound;
        while (!condition())
        {
            if (DateTimeOffset.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(Poll);
        }

        return true;
    }

    /// <inheritdoc cref="TrueAsync(Func{bool}, TimeSpan)"/>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan bound)
    {
        var deadline = DateTimeOffset.UtcNow + bound;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(Poll);
        }

        return true;
    }
}
