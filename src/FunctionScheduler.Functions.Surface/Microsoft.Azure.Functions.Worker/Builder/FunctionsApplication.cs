namespace Microsoft.Azure.Functions.Worker.Builder;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Builder/FunctionsApplication.cs@65c6ad170ec2
public class FunctionsApplication
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker/Builder/FunctionsApplication.cs@65c6ad170ec2
    public static FunctionsApplicationBuilder CreateBuilder(string[] args) => new(args);
}
