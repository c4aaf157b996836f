namespace Microsoft.DurableTask;

// Source: microsoft/durabletask-dotnet/src/Abstractions/ParentOrchestrationInstance.cs@abaaf4881cad
public record ParentOrchestrationInstance(TaskName Name, string InstanceId);
