namespace FunctionScheduler.Core.Api;

/// <summary>
/// A response body of JSON lines: one JSON value per line, each followed by a line feed, written while
/// <see cref="Items"/> is enumerated, so that a large body is never held whole. The status is sent before the first
/// line: a failure after it can only cut the body short (the connection is aborted, never a half line that parses).
/// </summary>
public sealed record JsonLines(IAsyncEnumerable<object> Items)
{
    /// <summary>The media type a JSON-lines body is sent as.</summary>
    public const string MediaType = "application/x-ndjson";

    /// <summary>The media types a JSON-lines request body may be sent as (UTF-8, no other charset).</summary>
    public static IReadOnlyList<string> AcceptedMediaTypes { get; } = [MediaType, "application/jsonl"];
}

/// <summary>One non-blank line of a JSON-lines request body: its 1-based number and its bytes (without the line end).</summary>
public sealed record JsonLine(int Number, ReadOnlyMemory<byte> Utf8Json);
