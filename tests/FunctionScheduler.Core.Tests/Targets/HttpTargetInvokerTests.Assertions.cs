using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Testing.Targets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FunctionScheduler.Core.Tests.Targets;

// target.success against real Kestrel: what counts as success, what an assertion failure is, and when it is retried.
public sealed partial class HttpTargetInvokerTests
{
    private static readonly ResponseCheck StatusIsOk = new() { JsonPointer = "/status", JsonEquals = "\"ok\"" };

    [Fact]
    public async Task InvokeAsync_200WithTheWrongJson_FailsAsAssertionWithoutRetry()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/health", TargetBehaviors.Status(200, "{\"status\":\"degraded\"}")));
        using var harness = InvokerHarness.Loopback();

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("health"), t => t with { Success = StatusIsOk }));

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(RunErrorClass.Assertion, result.ErrorClass);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(1, result.Attempts);
        Assert.Equal("{\"status\":\"degraded\"}", result.ResponseSnippet);
        Assert.Equal("The response body has \"degraded\" at '/status'; it must be \"ok\".", result.Error);
        Assert.Single(server.RequestsTo("health"));
    }

    [Fact]
    public async Task InvokeAsync_AssertionFailureWithRetrySet_RetriesUpToMaxAttempts()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/health", TargetBehaviors.Status(200, "{\"status\":\"starting\"}")));
        using var harness = InvokerHarness.Loopback();

        var result = await harness.Invoker.InvokeAsync(
            InvokerHarness.Invocation(server.UrlFor("health"), t => t with { Success = StatusIsOk with { Retry = true } }));

        Assert.Equal(RunErrorClass.Assertion, result.ErrorClass);
        Assert.Equal(InvokerHarness.FastRetry.MaxAttempts, result.Attempts);
        Assert.Equal(InvokerHarness.FastRetry.MaxAttempts, server.RequestsTo("health").Count);
    }

    [Fact]
    public async Task InvokeAsync_200WithTheRightJson_Succeeds()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/health", TargetBehaviors.Status(200, "{ \"checks\": [1, 2], \"status\" : \"ok\" }")));
        using var harness = InvokerHarness.Loopback();

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("health"), t => t with { Success = StatusIsOk }));

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Equal(RunErrorClass.None, result.ErrorClass);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task InvokeAsync_StatusOutsideTheAcceptedList_FailsAsHttpStatusNamingTheList()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/job", TargetBehaviors.Status(202)));
        using var harness = InvokerHarness.Loopback();
        var check = new ResponseCheck { Statuses = [new StatusRange(200, 200), new StatusRange(204, 204)] };

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("job"), t => t with { Success = check }));

        Assert.Equal(RunErrorClass.HttpStatus, result.ErrorClass);
        Assert.Equal(202, result.HttpStatus);
        Assert.Equal(1, result.Attempts);
        Assert.Equal("HTTP 202 Accepted (accepted: 200, 204).", result.Error);
    }

    [Fact]
    public async Task InvokeAsync_ErrorStatusInTheAcceptedList_SucceedsWithoutRetry()
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/gone", TargetBehaviors.Status(503)));
        using var harness = InvokerHarness.Loopback();
        var check = new ResponseCheck { Statuses = [StatusRange.Success, new StatusRange(503, 503)] };

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("gone"), t => t with { Success = check }));

        Assert.Equal(RunStatus.Succeeded, result.Status);
        Assert.Single(server.RequestsTo("gone"));
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(BodyCheckEvaluator.MaxCheckedChars - 20, true)]
    [InlineData(BodyCheckEvaluator.MaxCheckedChars + 10, false)]
    public async Task InvokeAsync_ContainsCheck_LooksOnlyIntoTheFirst64KiBOfTheBody(int position, bool found)
    {
        var body = new string('.', position) + "READY" + new string('.', 100);
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/page", TargetBehaviors.Status(200, body)));
        using var harness = InvokerHarness.Loopback();

        var result = await harness.Invoker.InvokeAsync(
            InvokerHarness.Invocation(server.UrlFor("page"), t => t with { Success = new ResponseCheck { BodyContains = "READY" } }));

        Assert.Equal(found ? RunStatus.Succeeded : RunStatus.Failed, result.Status);
        Assert.Equal(found ? null : "The first 65536 characters of the response body do not contain 'READY'.", result.Error);
        Assert.Equal(body[..Math.Min(body.Length, RunRecord.MaxSnippetLength)], result.ResponseSnippet);
    }

    [Fact]
    public async Task InvokeAsync_JsonLongerThanTheCheckedPart_FailsSayingSo()
    {
        var body = "{\"status\":\"ok\",\"pad\":\"" + new string('x', BodyCheckEvaluator.MaxCheckedChars) + "\"}";
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/big", TargetBehaviors.Status(200, body)));
        using var harness = InvokerHarness.Loopback();

        var result = await harness.Invoker.InvokeAsync(InvokerHarness.Invocation(server.UrlFor("big"), t => t with { Success = StatusIsOk }));

        Assert.Equal(RunErrorClass.Assertion, result.ErrorClass);
        Assert.StartsWith("The response body is longer than 65536 characters", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_FailedCheckQuotingAnEchoedSecret_RedactsTheErrorAndSnippet()
    {
        const string Token = "s3cr3t-bearer-token-77Zq";
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/echo", async context =>
        {
            context.Response.StatusCode = 200;
            await context.Response.WriteAsync("{\"status\":\"" + context.Request.Headers.Authorization + "\"}", context.RequestAborted);
        }));
        using var harness = InvokerHarness.Loopback();
        var invocation = InvokerHarness.Invocation(server.UrlFor("echo"), t => t with
        {
            SecretHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = "Bearer " + Token },
            Success = StatusIsOk,
        });

        var result = await harness.Invoker.InvokeAsync(invocation);

        Assert.Equal(RunErrorClass.Assertion, result.ErrorClass);
        Assert.DoesNotContain(Token, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, result.ResponseSnippet, StringComparison.Ordinal);
        Assert.Contains("[redacted]", result.Error, StringComparison.Ordinal);
    }
}
