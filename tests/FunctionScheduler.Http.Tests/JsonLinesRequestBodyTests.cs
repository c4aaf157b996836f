using System.IO.Pipelines;
using System.Text;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Validation;
using FunctionScheduler.Http;
using Microsoft.AspNetCore.Http;

namespace FunctionScheduler.Http.Tests;

public sealed class JsonLinesRequestBodyTests
{
    [Theory]
    [InlineData("application/x-ndjson", true)]
    [InlineData("application/x-ndjson; charset=utf-8", true)]
    [InlineData("Application/X-NDJSON", true)]
    [InlineData("application/jsonl", true)]
    [InlineData("application/jsonl; charset=UTF-8", true)]
    [InlineData("application/x-ndjson; charset=utf-16", false)]
    [InlineData("application/json", false)]
    [InlineData("application/json-seq", false)]
    [InlineData("text/plain", false)]
    [InlineData("not a media type", false)]
    [InlineData(null, false)]
    public void IsJsonLines_ContentType_AcceptsUtf8JsonLinesOnly(string? contentType, bool expected) =>
        Assert.Equal(expected, JsonLinesRequestBody.IsJsonLines(contentType));

    [Theory]
    [InlineData("{\"a\":1}\n{\"b\":2}\n", "1:{\"a\":1} 2:{\"b\":2}")]
    [InlineData("{\"a\":1}\r\n{\"b\":2}", "1:{\"a\":1} 2:{\"b\":2}")]
    [InlineData("\n\n{\"a\":1}\n  \t\n{\"b\":2}\n\n", "3:{\"a\":1} 5:{\"b\":2}")]
    [InlineData("", "")]
    [InlineData("\r\n", "")]
    public async Task ReadAsync_Lines_NonBlankOnesWithTheirNumbersWithoutLineEnds(string body, string expected)
    {
        var lines = await ReadAllAsync(Request(body), 1024);

        Assert.Equal(expected, string.Join(' ', lines.Select(l => $"{l.Number}:{Encoding.UTF8.GetString(l.Utf8Json.Span)}")));
    }

    [Fact]
    public async Task ReadAsync_LinesArrivingInPiecesAcrossReads_AreJoined()
    {
        var pipe = new Pipe();
        var request = Request(string.Empty);
        request.ContentLength = null;
        request.HttpContext.Features.Set<Microsoft.AspNetCore.Http.Features.IRequestBodyPipeFeature>(new BodyPipe(pipe.Reader));
        var reading = ReadAllAsync(request, 1024);

        foreach (var piece in (string[])["{\"a\"", ":1}\n{\"b", "\":2}\r", "\n"])
        {
            await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(piece));
            await Task.Yield();
        }

        await pipe.Writer.CompleteAsync();
        var lines = await reading;

        Assert.Equal(["{\"a\":1}", "{\"b\":2}"], lines.Select(l => Encoding.UTF8.GetString(l.Utf8Json.Span)));
    }

    [Fact]
    public async Task ReadAsync_LineOverTheDocumentLimit_KeptToOneBytePastItSoTheReaderRefusesItByName()
    {
        var huge = new string('x', DefinitionLimits.MaxDocumentBytes + 5000);

        var lines = await ReadAllAsync(Request("{}\n" + huge + "\n{}"), 4L * 1024 * 1024);

        Assert.Equal([2, DefinitionLimits.MaxDocumentBytes + 1, 2], lines.Select(l => l.Utf8Json.Length));
        Assert.Equal([1, 2, 3], lines.Select(l => l.Number));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_BodyOverTheLimit_Throws413(bool declared)
    {
        var request = Request(new string('\n', 2049));
        request.ContentLength = declared ? 2049 : null;

        var error = await Assert.ThrowsAsync<BadHttpRequestException>(() => ReadAllAsync(request, 2048));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, error.StatusCode);
    }

    private static async Task<List<JsonLine>> ReadAllAsync(HttpRequest request, long limit)
    {
        var lines = new List<JsonLine>();
        await foreach (var line in JsonLinesRequestBody.ReadAsync(request, limit, CancellationToken.None))
        {
            lines.Add(line);
        }

        return lines;
    }

    private static HttpRequest Request(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        context.Request.ContentType = JsonLines.MediaType;
        return context.Request;
    }

    private sealed class BodyPipe(PipeReader reader) : Microsoft.AspNetCore.Http.Features.IRequestBodyPipeFeature
    {
        public PipeReader Reader => reader;
    }
}
