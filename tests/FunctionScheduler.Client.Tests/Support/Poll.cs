namespace FunctionScheduler.Client.Tests.Support;

/// <summary>
/// Bounded polling of an asynchronous read for things the real dispatcher makes happen: tests assert the condition
/// came true, never how quickly (the bound only keeps a broken runtime from hanging the run).
/// </summary>
internal static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>The first value of <paramref name="read"/> that meets <paramref name="done"/>; fails the test after <paramref name="bound"/>.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan bound)
    {
        var deadline = DateTimeOffset.UtcNow + bound;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"The condition did not come true within {bound}.");
            await Task.Delay(Interval);
        }
    }
}
