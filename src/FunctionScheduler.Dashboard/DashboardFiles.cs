using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace FunctionScheduler.Dashboard;

/// <summary>
/// The page's files, read once from this assembly's embedded resources: one copy serves both hosts. Only these
/// names are served, so no request path ever reaches a file system.
/// </summary>
public static class DashboardFiles
{
    /// <summary>The page itself.</summary>
    public const string IndexName = "index.html";

    /// <summary>The name of the generated settings document the page reads first.</summary>
    public const string SettingsName = "settings.json";

    private const string ResourcePrefix = "dashboard/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".json"] = "application/json",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<FrozenDictionary<string, DashboardFile>> Files = new(Load);

    /// <summary>Every file name served (besides <see cref="SettingsName"/>).</summary>
    public static IReadOnlyCollection<string> Names => Files.Value.Keys;

    /// <summary>The file named <paramref name="name"/> (case-sensitive), or null.</summary>
    public static DashboardFile? Find(string? name) =>
        name is not null && Files.Value.TryGetValue(name, out var file) ? file : null;

    /// <summary>A file made from bytes that are not embedded (the settings document), with its own ETag.</summary>
    public static DashboardFile Create(string name, byte[] content) => new(name, ContentTypeOf(name), content, ETagOf(content));

    private static FrozenDictionary<string, DashboardFile> Load()
    {
        var assembly = typeof(DashboardFiles).Assembly;
        var files = new Dictionary<string, DashboardFile>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            files[name] = Create(name, Read(assembly, resource));
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource '{resource}' is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ContentTypeOf(string name) =>
        ContentTypes.TryGetValue(Path.GetExtension(name), out var type) ? type : "application/octet-stream";

    private static string ETagOf(byte[] content) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16)) + "\"";
}
