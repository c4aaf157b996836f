namespace Microsoft.Azure.Functions.Worker.Http;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpCookies.cs@2e262049b4d3
public abstract class HttpCookies
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpCookies.cs@2e262049b4d3
    public abstract void Append(string name, string value);

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpCookies.cs@2e262049b4d3
    public abstract void Append(IHttpCookie cookie);

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpCookies.cs@2e262049b4d3
    public abstract IHttpCookie CreateNew();
}
