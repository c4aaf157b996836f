using System.Text.Json;
using System.Text.Json.Serialization;

namespace FunctionScheduler.Dashboard;

/// <summary>
/// What the page needs to know about the host serving it, written as <c>settings.json</c> beside the page: the
/// header the API key goes in (each runtime has its own) and where the interactive API reference is, if anywhere.
/// Holds no secret.
/// </summary>
/// <param name="Runtime">"standalone" or "functions", shown in the page's header.</param>
/// <param name="KeyHeader">The request header the key is sent in: X-Api-Key or x-functions-key.</param>
/// <param name="KeyName">What the key is called where the user finds it ("API key", "function key").</param>
/// <param name="ApiReference">Path of the interactive API reference, or null when this host has none.</param>
public sealed record DashboardSettings(string Runtime, string KeyHeader, string KeyName, string? ApiReference)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>The settings document.</summary>
    public DashboardFile ToFile() => DashboardFiles.Create(DashboardFiles.SettingsName, JsonSerializer.SerializeToUtf8Bytes(this, Json));
}
