using System.Collections.Specialized;
using System.Security.Claims;
using System.Web;

namespace Microsoft.Azure.Functions.Worker.Http;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestData.cs@a1a0ca599091
public abstract class HttpRequestData
{
    private NameValueCollection? _query;

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestData.cs@a1a0ca599091
    public HttpRequestData(FunctionContext functionContext)
    {
        FunctionContext = functionContext ?? throw new ArgumentNullException(nameof(functionContext));
    }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestData.cs@a1a0ca599091
    public abstract Stream Body { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestData.cs@a1a0ca599091
    public abstract HttpHeadersCollection Headers { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestData.cs@a1a0ca599091
    public abstract IReadOnlyCollection<IHttpCookie> Cookies { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestData.cs@a1a0ca599091
    public abstract Uri Url { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestData.cs@a1a0ca599091
    public abstract IEnumerable<ClaimsIdentity> Identities { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestData.cs@a1a0ca599091
    public abstract string Method { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestData.cs@a1a0ca599091
    public FunctionContext FunctionContext { get; }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestData.cs@a1a0ca599091
    public abstract HttpResponseData CreateResponse();

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpRequestData.cs@a1a0ca599091
    // Parsed lazily from Url, as the real type does, so fakes only need to supply Url.
    public virtual NameValueCollection Query => _query ??= HttpUtility.ParseQueryString(Url.Query);
}
