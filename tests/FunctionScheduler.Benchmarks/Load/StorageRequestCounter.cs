using System.Diagnostics.Metrics;

namespace FunctionScheduler.Benchmarks.Load;

/// <summary>
/// Counts the HTTP requests this process sends to the storage port, from the runtime's own System.Net.Http metrics:
/// every table operation (and every SDK retry) is one request, whichever code path made it.
/// </summary>
internal sealed class StorageRequestCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly int _port;
    private long _count;

    public StorageRequestCounter(int port)
    {
        _port = port;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name == "http.client.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>(OnMeasurement);
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "server.port" && tag.Value is int port && port == _port)
            {
                Interlocked.Increment(ref _count);
                return;
            }
        }
    }
}
