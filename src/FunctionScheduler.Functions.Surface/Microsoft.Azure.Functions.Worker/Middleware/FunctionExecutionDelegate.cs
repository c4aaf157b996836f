namespace Microsoft.Azure.Functions.Worker.Middleware;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Pipeline/FunctionExecutionDelegate.cs@40368c00c82d
public delegate Task FunctionExecutionDelegate(FunctionContext context);
