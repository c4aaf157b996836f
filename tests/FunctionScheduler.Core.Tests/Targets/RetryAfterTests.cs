using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using FunctionScheduler.Core.Targets;

namespace FunctionScheduler.Core.Tests.Targets;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 30, 1, 30, 0, TimeSpan.Zero);

    public static TheoryData<RetryConditionHeaderValue?, TimeSpan?> Cases => new()
    {
        { null, null },
        { new RetryConditionHeaderValue(TimeSpan.FromSeconds(1)), TimeSpan.FromSeconds(1) },
        { new RetryConditionHeaderValue(TimeSpan.FromSeconds(120)), TimeSpan.FromSeconds(120) },
        { new RetryConditionHeaderValue(Now.AddSeconds(3)), TimeSpan.FromSeconds(3) },
        { new RetryConditionHeaderValue(Now.AddSeconds(-30)), TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void From_Header_GivesTheWaitFromNow(RetryConditionHeaderValue? header, TimeSpan? expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = header;

        Assert.Equal(expected, RetryAfter.From(response, Now));
    }

    [Fact]
    public void From_HttpDateText_IsParsed()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "Sun, 30 Mar 2025 01:30:10 GMT");

        Assert.Equal(TimeSpan.FromSeconds(10), RetryAfter.From(response, Now));
    }
}
