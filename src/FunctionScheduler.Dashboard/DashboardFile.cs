namespace FunctionScheduler.Dashboard;

/// <summary>One file of the page, as served: its bytes, media type and strong ETag (a hash of the bytes).</summary>
public sealed record DashboardFile(string Name, string ContentType, ReadOnlyMemory<byte> Content, string ETag);
