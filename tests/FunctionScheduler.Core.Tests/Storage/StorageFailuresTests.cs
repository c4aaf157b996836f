using Azure;
using Azure.Identity;
using FunctionScheduler.Core.Storage;

namespace FunctionScheduler.Core.Tests.Storage;

public sealed class StorageFailuresTests
{
    public static TheoryData<Exception, bool> Cases() => new()
    {
        { new RequestFailedException(0, "no response"), true },
        { new RequestFailedException(500, "internal"), true },
        { new RequestFailedException(503, "busy"), true },
        { new RequestFailedException(404, "not found"), false },
        { new RequestFailedException(409, "conflict"), false },
        { new RequestFailedException(412, "stale version"), false },
        { new HttpRequestException("connection reset"), true },
        { new AuthenticationFailedException("no token"), true },
        { new AggregateException(new RequestFailedException(0, "a"), new HttpRequestException("b")), true },
        { new AggregateException(new RequestFailedException(0, "a"), new InvalidOperationException("bug")), false },
        { new AggregateException(), false },
        { new InvalidOperationException("bug"), false },
        { new OperationCanceledException(), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void IsUnavailable_OnlyForOutagesWorthARetry(Exception exception, bool unavailable) =>
        Assert.Equal(unavailable, StorageFailures.IsUnavailable(exception));
}
