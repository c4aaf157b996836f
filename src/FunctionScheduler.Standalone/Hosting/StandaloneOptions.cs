using System.ComponentModel.DataAnnotations;

namespace FunctionScheduler.Standalone.Hosting;

/// <summary>The standalone host's own settings (configuration section <c>Scheduler:Standalone</c>).</summary>
public sealed class StandaloneOptions
{
    public const string SectionName = "Scheduler:Standalone";

    /// <summary>
    /// The key every management call presents in <c>X-Api-Key</c>. Empty: the host generates one per start and
    /// prints it once to standard output (a development convenience; production configures it from a secret).
    /// </summary>
    [MinLength(16)]
    public string? ApiKey { get; set; }

    /// <summary>
    /// Writes traces and metrics to the console when no OTLP endpoint is set (OTEL_EXPORTER_OTLP_ENDPOINT). Off by
    /// default: a span per fire and a metrics dump every minute bury everything else on a console.
    /// </summary>
    public bool ConsoleTelemetry { get; set; }
}
