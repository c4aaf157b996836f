using System.Text.Json.Serialization;

namespace FunctionScheduler.Contracts;

/// <summary>Source-generated metadata for everything the REST contract writes and a client sends; see <see cref="SchedulerJson"/>.</summary>
[JsonSerializable(typeof(TaskRepresentation))]
[JsonSerializable(typeof(TaskDefinition))]
[JsonSerializable(typeof(RunRepresentation))]
[JsonSerializable(typeof(PageRepresentation<TaskRepresentation>))]
[JsonSerializable(typeof(PageRepresentation<RunRepresentation>))]
[JsonSerializable(typeof(SchedulePreviewRepresentation))]
[JsonSerializable(typeof(SchedulePreviewRequest))]
[JsonSerializable(typeof(ProblemDocument))]
[JsonSerializable(typeof(FieldError))]
[JsonSerializable(typeof(FailureNotification))]
[JsonSerializable(typeof(BackfillRequest))]
[JsonSerializable(typeof(BackfillRepresentation))]
[JsonSerializable(typeof(TaskVersionRepresentation))]
[JsonSerializable(typeof(PageRepresentation<TaskVersionRepresentation>))]
[JsonSerializable(typeof(ImportReport))]
internal sealed partial class SchedulerJsonContext : JsonSerializerContext;
