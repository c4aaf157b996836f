using System.Net;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Moq;

namespace FunctionScheduler.Functions.Surface.Tests;

public class HttpResponseDataExtensionsTests
{
    [Fact]
    public async Task WriteAsJsonAsync_StatusCode_SetsContentTypeStatusAndBody()
    {
        var response = new FakeHttpResponseData(Mock.Of<FunctionContext>());

        await response.WriteAsJsonAsync(new { Id = "t-1" }, HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", Assert.Single(response.Headers.GetValues("Content-Type")));
        Assert.Equal("""{"Id":"t-1"}""", Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray()));
    }

    [Fact]
    public async Task WriteAsJsonAsync_NoStatusCode_DefaultsToOk()
    {
        var response = new FakeHttpResponseData(Mock.Of<FunctionContext>()) { StatusCode = HttpStatusCode.NotFound };

        await response.WriteAsJsonAsync(new[] { 1, 2 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[1,2]", Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray()));
    }

    [Fact]
    public async Task WriteStringAsync_Text_WritesUtf8Bytes()
    {
        var response = new FakeHttpResponseData(Mock.Of<FunctionContext>());

        await response.WriteStringAsync("héllo");

        Assert.Equal("héllo", Encoding.UTF8.GetString(((MemoryStream)response.Body).ToArray()));
    }
}
