using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Tests.Validation;

// Ids on create and replace, the fixed group, and secret headers kept across a replace.
public sealed partial class TaskDefinitionReaderTests
{
    [Fact]
    public void Read_PostWithoutId_GeneratesValidId()
    {
        var first = ReadValid("{'cron':'0 * * * *','url':'https://w.example.com'}");
        var second = ReadValid("{'cron':'0 * * * *','url':'https://w.example.com'}");

        Assert.True(TaskId.IsValid(first.Id));
        Assert.NotEqual(first.Id, second.Id);
    }

    [Theory]
    [InlineData("{'cron':'0 * * * *','url':'https://w.example.com'}")]
    [InlineData("{'id':'nightly-report','cron':'0 * * * *','url':'https://w.example.com'}")]
    public void Read_PutWithoutOrWithSameBodyId_UsesRouteId(string body)
    {
        var result = TaskDefinitionReader.Read(TestJson.Utf8(body), new DefinitionContext(RouteId: "nightly-report"));

        Assert.True(result.IsValid);
        Assert.Equal("nightly-report", result.Value.Id);
    }

    [Theory]
    [InlineData("other-report")]
    [InlineData("Nightly-Report")]
    public void Read_PutWithDifferentBodyId_ReportsRouteMismatch(string bodyId)
    {
        var body = TestJson.Utf8($"{{'id':'{bodyId}','cron':'0 * * * *','url':'https://w.example.com'}}");

        var result = TaskDefinitionReader.Read(body, new DefinitionContext(RouteId: "nightly-report"));

        AssertSingleError(result, "/id", ValidationRules.RouteMismatch);
    }

    [Fact]
    public void Read_PutToInvalidRouteId_ReportsPattern()
    {
        var result = TaskDefinitionReader.Read(TestJson.Utf8("{'cron':'0 * * * *','url':'https://w.example.com'}"), new DefinitionContext(RouteId: "bad id"));

        AssertSingleError(result, "/id", ValidationRules.Pattern);
    }

    [Fact]
    public void Read_PutWithoutGroup_KeepsExistingGroup()
    {
        var existing = ReadValid(TestJson.Base);

        var result = TaskDefinitionReader.Read(TestJson.Patched("{'group':null}"), new DefinitionContext("nightly-report", existing));

        Assert.True(result.IsValid);
        Assert.Equal("reports", result.Value.Group);
    }

    [Fact]
    public void Read_PutWithOtherGroup_ReportsImmutable()
    {
        var existing = ReadValid(TestJson.Base);

        var result = TaskDefinitionReader.Read(TestJson.Patched("{'group':'billing'}"), new DefinitionContext("nightly-report", existing));

        AssertSingleError(result, "/group", ValidationRules.Immutable);
    }

    [Fact]
    public void Read_SecretHeaderNullWithStoredValue_KeepsStoredValueCaseInsensitively()
    {
        var existing = ReadValid(TestJson.Patched("{'target':{'secretHeaders':{'Authorization':'Bearer old','X-Api-Key':'k1'}}}"));

        var result = TaskDefinitionReader.Read(
            TestJson.Patched("{'target':{'secretHeaders':{'authorization':null,'X-Other':'new'}}}"),
            new DefinitionContext("nightly-report", existing));

        Assert.True(result.IsValid);
        Assert.Equal("Bearer old", result.Value.Target.SecretHeaders["Authorization"]);
        Assert.Equal("new", result.Value.Target.SecretHeaders["X-Other"]);
        Assert.False(result.Value.Target.SecretHeaders.ContainsKey("X-Api-Key"));
    }

    [Fact]
    public void Read_SecretHeaderWithValue_ReplacesStoredValue()
    {
        var existing = ReadValid(TestJson.Patched("{'target':{'secretHeaders':{'Authorization':'Bearer old'}}}"));

        var result = TaskDefinitionReader.Read(
            TestJson.Patched("{'target':{'secretHeaders':{'Authorization':'Bearer new'}}}"),
            new DefinitionContext("nightly-report", existing));

        Assert.True(result.IsValid);
        Assert.Equal("Bearer new", result.Value.Target.SecretHeaders["Authorization"]);
    }

    [Fact]
    public void Read_SecretHeaderNullWhenStoredOnlyAsPlainHeader_ReportsRequired()
    {
        var existing = ReadValid(TestJson.Patched("{'target':{'headers':{'Authorization':'Bearer plain'}}}"));

        var result = TaskDefinitionReader.Read(
            TestJson.Utf8("{'schedule':{'cron':'0 * * * *'},'target':{'url':'https://w.example.com','secretHeaders':{'Authorization':null}}}"),
            new DefinitionContext("nightly-report", existing));

        AssertSingleError(result, "/target/secretHeaders/Authorization", ValidationRules.Required);
    }

    [Theory]
    [InlineData("https://worker.example.com/other/path?x=1")]
    [InlineData("https://WORKER.Example.COM/sync")]
    [InlineData("https://worker.example.com:443/sync")]
    [InlineData("HTTPS://worker.example.com/sync")]
    [InlineData("https://worker.example.com./sync")]
    public void Read_SecretHeaderNullAndUrlOnTheSameOrigin_KeepsStoredValue(string url)
    {
        var existing = ReadValid(TestJson.Patched("{'target':{'secretHeaders':{'Authorization':'Bearer old'}}}"));

        var result = TaskDefinitionReader.Read(
            TestJson.Patched("{'target':{'url':'" + url + "','secretHeaders':{'Authorization':null}}}"),
            new DefinitionContext("nightly-report", existing));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("Bearer old", result.Value.Target.SecretHeaders["Authorization"]);
    }

    [Theory]
    [InlineData("http://worker.example.com/sync")]
    [InlineData("https://worker.example.com:8443/sync")]
    [InlineData("https://evil.example/sync")]
    [InlineData("https://worker.example.com.evil.example/sync")]
    [InlineData("https://evil.example/https://worker.example.com/sync")]
    [InlineData("https://127.0.0.1/sync")]
    public void Read_SecretHeaderNullAndUrlOnAnotherOrigin_IsRefusedNamingTheHeader(string url)
    {
        var existing = ReadValid(TestJson.Patched("{'target':{'secretHeaders':{'Authorization':'Bearer old','X-Api-Key':'k1'}}}"));

        var result = TaskDefinitionReader.Read(
            TestJson.Patched("{'target':{'url':'" + url + "','secretHeaders':{'Authorization':null,'X-Api-Key':'k2'}}}"),
            new DefinitionContext("nightly-report", existing));

        AssertSingleError(result, "/target/secretHeaders/Authorization", ValidationRules.OriginChanged);
    }

    [Fact]
    public void Read_EverySecretGivenAgainAndUrlOnAnotherOrigin_IsValid()
    {
        var existing = ReadValid(TestJson.Patched("{'target':{'secretHeaders':{'Authorization':'Bearer old'}}}"));

        var result = TaskDefinitionReader.Read(
            TestJson.Patched("{'target':{'url':'https://elsewhere.example/sync','secretHeaders':{'Authorization':'Bearer new'}}}"),
            new DefinitionContext("nightly-report", existing));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("Bearer new", result.Value.Target.SecretHeaders["Authorization"]);
    }

    [Fact]
    public void Read_SecretHeaderNullAndIdnHostInPunycode_IsTheSameOrigin()
    {
        var existing = ReadValid(TestJson.Patched("{'target':{'url':'https://b\u00fccher.example/a','secretHeaders':{'Authorization':'Bearer old'}}}"));

        var result = TaskDefinitionReader.Read(
            TestJson.Patched("{'target':{'url':'https://xn--bcher-kva.example/b','secretHeaders':{'Authorization':null}}}"),
            new DefinitionContext("nightly-report", existing));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }
}
