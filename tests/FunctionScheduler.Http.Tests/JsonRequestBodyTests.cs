using System.Text;
using FunctionScheduler.Http;
using Microsoft.AspNetCore.Http;

namespace FunctionScheduler.Http.Tests;

public sealed class JsonRequestBodyTests
{
    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("application/json; charset=UTF-8", true)]
    [InlineData("Application/JSON", true)]
    [InlineData("application/merge-patch+json", true)]
    [InlineData("application/problem+json", true)]
    [InlineData("application/json; charset=iso-8859-1", false)]
    [InlineData("application/json; charset=utf-16", false)]
    [InlineData("text/json", false)]
    [InlineData("text/plain", false)]
    [InlineData("application/x-www-form-urlencoded", false)]
    [InlineData("multipart/form-data; boundary=x", false)]
    [InlineData("not a media type", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsJson_ContentType_AcceptsUtf8JsonOnly(string? contentType, bool expected) =>
        Assert.Equal(expected, JsonRequestBody.IsJson(contentType));

    [Theory]
    [InlineData(1024, 1024, 200)]
    [InlineData(1024, 1025, 413)]
    public async Task ReadAsync_NoContentLength_StopsAtTheLimitWhileStreaming(int limit, int size, int status)
    {
        var request = Request(new string(' ', size));
        request.ContentLength = null;

        var (body, problem) = await JsonRequestBody.ReadAsync(request, limit, CancellationToken.None);

        Assert.Equal(status, problem?.StatusCode ?? 200);
        Assert.Equal(status == 200 ? size : 0, body.Length);
    }

    [Fact]
    public async Task ReadAsync_DeclaredLengthOverTheLimit_413WithoutReading()
    {
        var request = Request("{}");
        request.ContentLength = 2048;

        var (_, problem) = await JsonRequestBody.ReadAsync(request, 1024, CancellationToken.None);

        Assert.Equal(413, problem?.StatusCode);
        Assert.Equal(0, request.Body.Position);
    }

    private static HttpRequest Request(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        context.Request.ContentType = "application/json";
        return context.Request;
    }
}
