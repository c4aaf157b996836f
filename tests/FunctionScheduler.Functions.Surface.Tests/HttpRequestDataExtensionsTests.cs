using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace FunctionScheduler.Functions.Surface.Tests;

public class HttpRequestDataExtensionsTests
{
    private static readonly Uri Url = new("http://127.0.0.1/api/tasks?state=paused&page=2");

    public sealed record TaskBody(string Name, int MaxRuns);

    [Fact]
    public async Task ReadFromJsonAsync_NoServices_MatchesPropertiesIgnoringCase()
    {
        var request = new FakeHttpRequestData(Mock.Of<FunctionContext>(), Url, """{"name":"nightly","maxRuns":3}""");

        TaskBody? body = await request.ReadFromJsonAsync<TaskBody>();

        Assert.Equal(new TaskBody("nightly", 3), body);
    }

    [Fact]
    public async Task ReadFromJsonAsync_RegisteredJsonOptions_UsesThem()
    {
        var services = new ServiceCollection()
            .Configure<JsonSerializerOptions>(o => o.PropertyNameCaseInsensitive = false)
            .BuildServiceProvider();
        var context = Mock.Of<FunctionContext>(c => c.InstanceServices == services);
        var request = new FakeHttpRequestData(context, Url, """{"name":"nightly","maxRuns":3}""");

        TaskBody? body = await request.ReadFromJsonAsync<TaskBody>();

        // Case-sensitive options leave camelCase JSON unbound to the record's PascalCase parameters.
        Assert.Equal(new TaskBody(null!, 0), body);
    }

    [Fact]
    public async Task ReadAsStringAsync_Body_ReturnsTextAndLeavesBodyOpen()
    {
        var request = new FakeHttpRequestData(Mock.Of<FunctionContext>(), Url, "plain text");

        string? text = await request.ReadAsStringAsync();

        Assert.Equal("plain text", text);
        Assert.True(request.Body.CanRead);
    }

    [Fact]
    public void CreateResponse_StatusCode_SetsStatusOnNewResponse()
    {
        var request = new FakeHttpRequestData(Mock.Of<FunctionContext>(), Url, string.Empty);

        HttpResponseData response = request.CreateResponse(HttpStatusCode.Accepted);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Same(request.FunctionContext, response.FunctionContext);
    }

    [Fact]
    public void Query_Url_ParsesQueryString()
    {
        var request = new FakeHttpRequestData(Mock.Of<FunctionContext>(), Url, string.Empty);

        Assert.Equal("paused", request.Query["state"]);
        Assert.Equal("2", request.Query["page"]);
    }
}
