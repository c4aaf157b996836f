using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Timer/src/TimerTriggerAttribute.cs@4b78a06fa349
public sealed class TimerTriggerAttribute : TriggerBindingAttribute
{
    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Timer/src/TimerTriggerAttribute.cs@4b78a06fa349
    // UseMonitor starts true, as in the real constructor.
    public TimerTriggerAttribute(string schedule)
    {
        Schedule = schedule;
        UseMonitor = true;
    }

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Timer/src/TimerTriggerAttribute.cs@4b78a06fa349
    public string Schedule { get; private set; }

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Timer/src/TimerTriggerAttribute.cs@4b78a06fa349
    public bool UseMonitor { get; set; }

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Timer/src/TimerTriggerAttribute.cs@4b78a06fa349
    public bool RunOnStartup { get; set; }
}
