using System.Text.Json;
using Azure;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FunctionScheduler.Http.Tests;

public sealed class ApiFailuresTests
{
    public static TheoryData<Exception, int, string> Cases => new()
    {
        { new BadHttpRequestException("Request body too large.", 413), 413, HttpProblems.PayloadTooLargeType },
        { new BadHttpRequestException("Malformed request.", 400), 400, HttpProblems.BadRequestType },
        { new ConcurrencyConflictException("stale"), 409, Problems.ConflictType },
        { new RequestFailedException(503, "Server busy"), 503, Problems.UnavailableType },
        { new RequestFailedException(0, "Connection refused"), 503, Problems.UnavailableType },
        { new AggregateException(new RequestFailedException(0, "refused"), new RequestFailedException(500, "failed")), 503, Problems.UnavailableType },
        { new RequestFailedException(400, "Bad request from the SDK"), 500, HttpProblems.InternalType },
        { new InvalidOperationException("A bug."), 500, HttpProblems.InternalType },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ToResponse_Exception_ProblemWithTheRightStatusTypeAndInstance(Exception exception, int status, string type)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        context.Request.Path = "/api/tasks";
        context.Response.Body = new MemoryStream();
        var failures = new ApiFailures(NullLogger<ApiFailures>.Instance);

        await new ApiResponseResult(failures.ToResponse(context, exception)).ExecuteAsync(context);

        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal(type, problem.RootElement.GetProperty("type").GetString());
        Assert.Equal("/api/tasks", problem.RootElement.GetProperty("instance").GetString());
        Assert.DoesNotContain("   at ", problem.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("A bug", problem.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}
