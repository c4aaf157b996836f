namespace FunctionScheduler.Standalone.Http;

/// <summary>
/// Prints a generated API key once, to standard output and not through logging: log pipelines (OTLP, files,
/// collectors) keep and ship what they get, and a key belongs only on the screen of whoever started the host.
/// The log gets a warning without the key.
/// </summary>
internal sealed partial class ApiKeyAnnouncer(ApiKeys keys, ILogger<ApiKeyAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (keys.Generated)
        {
            LogGenerated(ApiKeys.HeaderName);
            Console.Out.WriteLine($"API key for this run ({ApiKeys.HeaderName}): {keys.Key}");
            Console.Out.Flush();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "No API key configured (Scheduler:Standalone:ApiKey): generated one for this run and printed it to standard output; clients send it in {Header}")]
    private partial void LogGenerated(string header);
}
