using System.Globalization;
using System.Security.Claims;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FunctionScheduler.Functions.Tests.Fakes;

/// <summary>An HTTP request as the worker would bind it: method, URL, headers and a body stream.</summary>
internal sealed class FakeHttpRequestData : HttpRequestData
{
    public FakeHttpRequestData(FunctionContext context, string method, Uri url, byte[]? body = null, string? contentType = "application/json")
        : base(context)
    {
        Method = method;
        Url = url;
        Body = new MemoryStream(body ?? []);
        if (body is not null)
        {
            Headers.TryAddWithoutValidation("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture));
            if (contentType is not null)
            {
                Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }
    }

    public override Stream Body { get; }

    public override HttpHeadersCollection Headers { get; } = [];

    public override IReadOnlyCollection<IHttpCookie> Cookies { get; } = [];

    public override Uri Url { get; }

    public override IEnumerable<ClaimsIdentity> Identities { get; } = [];

    public override string Method { get; }

    public override HttpResponseData CreateResponse() => new FakeHttpResponseData(FunctionContext);
}
