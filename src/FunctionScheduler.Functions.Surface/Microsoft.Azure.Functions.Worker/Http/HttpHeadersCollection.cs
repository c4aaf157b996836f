using System.Net.Http.Headers;

namespace Microsoft.Azure.Functions.Worker.Http;

// Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpHeadersCollection.cs@1439ec44e842
// Derives from System.Net.Http.Headers.HttpHeaders, as the real one does, so Add/TryGetValues/GetValues behave alike.
public sealed class HttpHeadersCollection : HttpHeaders
{
    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpHeadersCollection.cs@1439ec44e842
    public HttpHeadersCollection()
    {
    }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpHeadersCollection.cs@1439ec44e842
    public HttpHeadersCollection(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var (name, values) in headers)
        {
            TryAddWithoutValidation(name, values);
        }
    }

    // Source: Azure/azure-functions-dotnet-worker/src/DotNetWorker.Core/Http/HttpHeadersCollection.cs@1439ec44e842
    public HttpHeadersCollection(IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var (name, value) in headers)
        {
            TryAddWithoutValidation(name, value);
        }
    }
}
