using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FunctionScheduler.Benchmarks.Load;

/// <summary>
/// What a burst asks of storage, by kind of request: each HTTP request this process sends to the storage port is
/// sorted by method and table (a transaction is its own kind), counted, and its time from send to answer summed.
/// Azurite serves one request at a time, so the counts say what its CPU went to and the times say how long the
/// requests queued. Listens to the runtime's own HTTP client activities; only for the harness's report.
/// </summary>
internal sealed partial class StorageRequestBreakdown : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly int _port;
    private readonly ConcurrentDictionary<string, Kind> _kinds = new(StringComparer.Ordinal);

    public StorageRequestBreakdown(int port)
    {
        _port = port;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    /// <summary>One line per kind, most requests first: count, mean and total time to answer.</summary>
    public IEnumerable<string> Lines() =>
        _kinds.OrderByDescending(k => k.Value.Count).Select(k => string.Create(
            CultureInfo.InvariantCulture,
            $"{k.Key}: {k.Value.Count} requests, mean {k.Value.TotalMs / Math.Max(1, k.Value.Count):F1} ms, total {k.Value.TotalMs / 1000:F1} s"));

    private void OnStopped(Activity activity)
    {
        if (activity.GetTagItem("url.full") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port != _port)
        {
            return;
        }

        var method = activity.GetTagItem("http.request.method") as string ?? "?";
        var kind = _kinds.GetOrAdd($"{method} {KindOf(uri.AbsolutePath)}", _ => new Kind());
        Interlocked.Increment(ref kind.Count);
        kind.Add(activity.Duration.TotalMilliseconds);
    }

    // "/devstoreaccount1/loadab12Tasks(PartitionKey='..',RowKey='..')" -> "Tasks (one row)"; "$batch" stays itself.
    private static string KindOf(string path)
    {
        var last = Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]);
        if (last == "$batch")
        {
            return "transaction";
        }

        var match = TableName().Match(last);
        return !match.Success ? last : match.Groups[1].Value + (match.Groups[2].Success ? " (one row)" : " (query or insert)");
    }

    [GeneratedRegex(@"^(?:load[0-9a-f]{10})?([A-Za-z]+?)(\(.+\))?$")]
    private static partial Regex TableName();

    private sealed class Kind
    {
        private readonly Lock _lock = new();

        public long Count;

        public double TotalMs { get; private set; }

        public void Add(double ms)
        {
            lock (_lock)
            {
                TotalMs += ms;
            }
        }
    }
}
