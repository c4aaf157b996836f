namespace Microsoft.Azure.Functions.Worker;

// Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Http/AuthorizationLevel.cs@fc62c3967ee4
public enum AuthorizationLevel
{
    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Http/AuthorizationLevel.cs@fc62c3967ee4
    Anonymous = 0,

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Http/AuthorizationLevel.cs@fc62c3967ee4
    User = 1,

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Http/AuthorizationLevel.cs@fc62c3967ee4
    Function = 2,

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Http/AuthorizationLevel.cs@fc62c3967ee4
    System = 3,

    // Source: Azure/azure-functions-dotnet-worker/extensions/Worker.Extensions.Http/AuthorizationLevel.cs@fc62c3967ee4
    Admin = 4,
}
