namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Timer/ScheduleStatus.cs@597f49fe99d9
public class ScheduleStatus
{
    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Timer/ScheduleStatus.cs@597f49fe99d9
    public DateTime Last { get; set; }

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Timer/ScheduleStatus.cs@597f49fe99d9
    public DateTime Next { get; set; }

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Timer/ScheduleStatus.cs@597f49fe99d9
    public DateTime LastUpdated { get; set; }
}
