namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Timer/TimerInfo.cs@597f49fe99d9
public class TimerInfo
{
    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Timer/TimerInfo.cs@597f49fe99d9
    public ScheduleStatus? ScheduleStatus { get; set; }

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Timer/TimerInfo.cs@597f49fe99d9
    public bool IsPastDue { get; set; }
}
