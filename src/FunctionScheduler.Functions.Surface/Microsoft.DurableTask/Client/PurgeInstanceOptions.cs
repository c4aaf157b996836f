namespace Microsoft.DurableTask.Client;

// Source: microsoft/durabletask-dotnet/src/Client/Core/PurgeInstanceOptions.cs@f4c3a440e5b1
public record PurgeInstanceOptions(bool Recursive = false);
