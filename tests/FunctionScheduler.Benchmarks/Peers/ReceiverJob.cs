using System.Globalization;
using FunctionScheduler.Core.Targets;
using Quartz;

namespace FunctionScheduler.Benchmarks.Peers;

/// <summary>
/// The Quartz.NET side of a fire: one POST to the same receiver our runtime calls, with the headers it reads
/// (scheduled instant, run id, task id), so both are measured by the same clock and code.
/// </summary>
internal sealed class ReceiverJob : IJob
{
    public const string TargetKey = "target";

    public static HttpClient Http { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        using var request = new HttpRequestMessage(HttpMethod.Post, context.MergedJobDataMap.GetString(TargetKey));
        request.Headers.Add(SchedulerHeaders.ScheduledAt, scheduled.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        request.Headers.Add(SchedulerHeaders.TaskId, context.JobDetail.Key.Name);
        request.Headers.Add(SchedulerHeaders.RunId, context.JobDetail.Key.Name + ":" + scheduled.UtcTicks.ToString(CultureInfo.InvariantCulture));
        using var response = await Http.SendAsync(request, cancellationToken);
    }
}
