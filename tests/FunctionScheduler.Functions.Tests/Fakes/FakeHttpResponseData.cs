using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FunctionScheduler.Functions.Tests.Fakes;

/// <summary>A response the function wrote: status, headers and body, with readers for assertions.</summary>
internal sealed class FakeHttpResponseData(FunctionContext context) : HttpResponseData(context)
{
    public override HttpStatusCode StatusCode { get; set; }

    public override HttpHeadersCollection Headers { get; set; } = [];

    public override Stream Body { get; set; } = new MemoryStream();

    public override HttpCookies Cookies => throw new NotSupportedException();

    public string BodyText => Encoding.UTF8.GetString(((MemoryStream)Body).ToArray());

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(BodyText);
        return document.RootElement.Clone();
    }

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
