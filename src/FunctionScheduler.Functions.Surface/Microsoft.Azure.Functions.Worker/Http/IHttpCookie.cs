namespace Microsoft.Azure.Functions.Worker.Http;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/IHttpCookie.cs@8534c224f5c8
public interface IHttpCookie
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/IHttpCookie.cs@8534c224f5c8
    string? Domain { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/IHttpCookie.cs@8534c224f5c8
    DateTimeOffset? Expires { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/IHttpCookie.cs@8534c224f5c8
    bool? HttpOnly { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/IHttpCookie.cs@8534c224f5c8
    double? MaxAge { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/IHttpCookie.cs@8534c224f5c8
    string Name { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/IHttpCookie.cs@8534c224f5c8
    string? Path { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/IHttpCookie.cs@8534c224f5c8
    SameSite SameSite { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/IHttpCookie.cs@8534c224f5c8
    bool? Secure { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/IHttpCookie.cs@8534c224f5c8
    string Value { get; }
}
