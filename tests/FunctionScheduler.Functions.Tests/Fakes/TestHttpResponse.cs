using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FunctionScheduler.Functions.Tests.Fakes;

/// <summary>A response a function wrote onto its HttpContext: status, headers and body, with readers for assertions.</summary>
internal sealed class TestHttpResponse(HttpStatusCode statusCode, IHeaderDictionary headers, byte[] body)
{
    public HttpStatusCode StatusCode => statusCode;

    public string BodyText => Encoding.UTF8.GetString(body);

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public string? Header(string name) => headers.TryGetValue(name, out var values) ? values.ToString() : null;
}
