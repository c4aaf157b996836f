using System.Net;

namespace Microsoft.Azure.Functions.Worker.Http;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseData.cs@2e262049b4d3
public abstract class HttpResponseData
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseData.cs@2e262049b4d3
    public HttpResponseData(FunctionContext functionContext)
    {
        FunctionContext = functionContext ?? throw new ArgumentNullException(nameof(functionContext));
    }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseData.cs@2e262049b4d3
    public abstract HttpStatusCode StatusCode { get; set; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseData.cs@2e262049b4d3
    public abstract HttpHeadersCollection Headers { get; set; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseData.cs@2e262049b4d3
    public abstract Stream Body { get; set; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseData.cs@2e262049b4d3
    public abstract HttpCookies Cookies { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseData.cs@2e262049b4d3
    public FunctionContext FunctionContext { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpResponseData.cs@2e262049b4d3
    public static HttpResponseData CreateResponse(HttpRequestData request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.CreateResponse();
    }
}
