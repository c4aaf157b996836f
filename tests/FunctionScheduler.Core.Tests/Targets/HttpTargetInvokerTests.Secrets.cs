using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Telemetry;
using FunctionScheduler.Core.Tests.Telemetry;
using FunctionScheduler.Testing.Targets;
using Microsoft.AspNetCore.Builder;

namespace FunctionScheduler.Core.Tests.Targets;

/// <summary>
/// A target that echoes its request never gets a secret into what the run keeps: snippet, error, logs, spans.
/// The secret holds every character that the echo's encodings change.
/// </summary>
public sealed partial class HttpTargetInvokerTests
{
    private const string Credential = "s3cr3t+Tok/en=<&>\"'~x";
    private const string SecretValue = "Bearer " + Credential;

    [Theory]
    [InlineData(200)]
    [InlineData(302)]
    [InlineData(500)]
    public async Task InvokeAsync_TargetEchoesSecretHeaders_NothingTheRunKeepsHoldsThem(int status)
    {
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/echo", TargetBehaviors.EchoHeaders(status, extra: InvokerHarness.Secret)));
        using var harness = InvokerHarness.Loopback();
        using var spans = new SpanRecorder();
        var invocation = InvokerHarness.Invocation(server.UrlFor("echo"), t => t with
        {
            SecretHeaders = new Dictionary<string, string> { ["Authorization"] = SecretValue, ["X-Api-Key"] = "k3y-0f-the-api" },
            Retry = InvokerHarness.FastRetry with { MaxAttempts = 2 },
        });

        var result = await harness.Invoker.InvokeAsync(invocation);

        Assert.Equal(SecretValue, server.RequestsTo("echo")[0].Header("Authorization"));
        Assert.Contains(SecretRedactor.Mark, result.ResponseSnippet, StringComparison.Ordinal);
        var kept = new List<string?> { result.ResponseSnippet, result.Error };
        kept.AddRange(harness.Logs.GetSnapshot().Select(r => r.Message));
        kept.AddRange(spans.For(invocation.TaskId, SchedulerTelemetry.AttemptSpanName).Select(s => s.StatusDescription));
        if (status != 200)
        {
            Assert.Contains(SecretRedactor.Mark, result.Error, StringComparison.Ordinal);
        }

        Assert.All(kept, text =>
        {
            Assert.DoesNotContain("s3cr3t", text ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("k3y-0f-the-api", text ?? "", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(InvokerHarness.Secret, text ?? "", StringComparison.OrdinalIgnoreCase);
        });
    }

    [Theory]
    [InlineData(RunRecord.MaxSnippetLength - 40)]
    [InlineData(RunRecord.MaxSnippetLength - 3)]
    [InlineData(RunRecord.MaxSnippetLength - 1)]
    public async Task InvokeAsync_SecretStraddlesTheSnippetCut_IsRemovedWhole(int at)
    {
        var body = new string('x', at) + Uri.EscapeDataString(Credential) + new string('y', 2000);
        await using var server = await LoopbackTarget.StartAsync(app => app.Map("/long", TargetBehaviors.Status(200, body)));
        using var harness = InvokerHarness.Loopback();
        var invocation = InvokerHarness.Invocation(server.UrlFor("long"), t => t with
        {
            SecretHeaders = new Dictionary<string, string> { ["Authorization"] = SecretValue },
        });

        var result = await harness.Invoker.InvokeAsync(invocation);

        var snippet = result.ResponseSnippet!;
        Assert.Equal(RunRecord.MaxSnippetLength, snippet.Length);
        Assert.StartsWith(new string('x', at) + SecretRedactor.Mark[..Math.Min(SecretRedactor.Mark.Length, RunRecord.MaxSnippetLength - at)], snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("s3c", snippet, StringComparison.OrdinalIgnoreCase);
    }
}
