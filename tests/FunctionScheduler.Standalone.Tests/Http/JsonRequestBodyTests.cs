using FunctionScheduler.Standalone.Http;

namespace FunctionScheduler.Standalone.Tests.Http;

public sealed class JsonRequestBodyTests
{
    [Theory]
    [InlineData("application/json", true)]
    [InlineData("application/json; charset=utf-8", true)]
    [InlineData("application/json; charset=UTF-8", true)]
    [InlineData("Application/JSON", true)]
    [InlineData("application/merge-patch+json", true)]
    [InlineData("application/json; charset=iso-8859-1", false)]
    [InlineData("text/json", false)]
    [InlineData("text/plain", false)]
    [InlineData("application/x-www-form-urlencoded", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsJson_ContentType_AcceptsUtf8JsonOnly(string? contentType, bool expected) =>
        Assert.Equal(expected, JsonRequestBody.IsJson(contentType));
}
