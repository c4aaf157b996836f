using System.Text.Json;
using Azure;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Standalone.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionScheduler.Standalone.Tests.Http;

public sealed class ProblemExceptionHandlerTests
{
    public static TheoryData<Exception, int, string> Cases => new()
    {
        { new BadHttpRequestException("Request body too large.", 413), 413, HostProblems.PayloadTooLargeType },
        { new BadHttpRequestException("Malformed request.", 400), 400, HostProblems.BadRequestType },
        { new RequestFailedException(503, "Server busy"), 503, Problems.UnavailableType },
        { new RequestFailedException(0, "Connection refused"), 503, Problems.UnavailableType },
        { new AggregateException(new RequestFailedException(0, "refused"), new RequestFailedException(500, "failed")), 503, Problems.UnavailableType },
        { new RequestFailedException(400, "Bad request from the SDK"), 500, HostProblems.InternalType },
        { new InvalidOperationException("A bug."), 500, HostProblems.InternalType },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TryHandleAsync_Exception_WritesAProblemWithTheRightStatus(Exception exception, int status, string type)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        context.Request.Path = "/api/tasks";
        context.Response.Body = new MemoryStream();
        var handler = new ProblemExceptionHandler(NullLogger<ProblemExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, exception, CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal(type, problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("/api/tasks", problem.RootElement.GetProperty("instance").GetString());
        Assert.DoesNotContain("   at ", problem.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}
