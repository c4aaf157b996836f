namespace FunctionScheduler.Client;

/// <summary>
/// Where the scheduler is and how to authenticate. Validated when the client is first resolved (and at host start
/// with <c>ValidateOnStart</c>) by <see cref="FunctionSchedulerClientOptionsValidator"/>.
/// </summary>
public sealed class FunctionSchedulerClientOptions
{
    /// <summary>The configuration section <c>AddFunctionSchedulerClient(IConfiguration)</c> conventionally binds.</summary>
    public const string SectionName = "FunctionScheduler";

    /// <summary>
    /// Base address of either runtime, without <c>/api</c>: <c>http://127.0.0.1:5080</c> for the standalone host,
    /// <c>https://my-app.azurewebsites.net</c> for the Functions app. A path prefix is kept (a gateway's
    /// <c>https://gw.example.com/scheduler/</c>).
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The standalone host's key, sent as <c>X-Api-Key</c>. Set this or <see cref="FunctionKey"/>, not both.</summary>
    public string? ApiKey { get; set; }

    /// <summary>An Azure Functions function or host key, sent as <c>x-functions-key</c>.</summary>
    public string? FunctionKey { get; set; }
}
