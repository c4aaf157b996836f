using System.Threading.Channels;

namespace FunctionScheduler.Standalone.Dispatching;

/// <summary>
/// The dispatcher loop's single input: API change notices, fire completions, index pages and idle requests, in
/// arrival order. Also hands out the change sequence that orders what the loop learns from different sources.
/// </summary>
internal sealed class DispatchInbox
{
    // Not SingleReader: that variant cannot count its items, and the idle check needs to know the inbox is empty.
    private readonly Channel<DispatchMessage> _channel = Channel.CreateUnbounded<DispatchMessage>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    private long _sequence;

    public ChannelReader<DispatchMessage> Reader => _channel.Reader;

    /// <summary>The current change sequence, read before listing the index.</summary>
    public long CurrentSequence => Interlocked.Read(ref _sequence);

    /// <summary>Advances the change sequence; a write known to this instance carries the value.</summary>
    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Post(DispatchMessage message)
    {
        // Unbounded: TryWrite fails only once the channel is completed, which this inbox never does.
        if (!_channel.Writer.TryWrite(message))
        {
            throw new InvalidOperationException("The dispatcher inbox is closed.");
        }
    }
}
