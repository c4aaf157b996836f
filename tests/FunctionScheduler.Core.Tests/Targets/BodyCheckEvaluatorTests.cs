using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;

namespace FunctionScheduler.Core.Tests.Targets;

public sealed class BodyCheckEvaluatorTests
{
    [Theory]
    [InlineData("{\"status\":\"ok\"}",                    "/status",     "\"ok\"",        true)]
    [InlineData("{\"status\":\"OK\"}",                    "/status",     "\"ok\"",        false)]
    [InlineData("{\"count\":1.0}",                        "/count",      "1",             true)]
    [InlineData("{\"count\":10}",                         "/count",      "1",             false)]
    [InlineData("{\"ok\":true}",                          "/ok",         "true",          true)]
    [InlineData("{\"error\":null}",                       "/error",      "null",          true)]
    [InlineData("{}",                                     "/error",      "null",          false)]
    [InlineData("{\"a\":{\"b\":[5,{\"c\":\"x\"}]}}",     "/a/b/1/c",    "\"x\"",         true)]
    [InlineData("{\"a\":[5,6]}",                          "/a/01",       "6",             false)]
    [InlineData("{\"a\":[5,6]}",                          "/a/2",        "6",             false)]
    [InlineData("{\"a/b\":{\"m~n\":1}}",                  "/a~1b/m~0n",  "1",             true)]
    [InlineData("{\"\":7}",                               "/",           "7",             true)]
    [InlineData("[1,2]",                                  "",            "[1,2]",         true)]
    [InlineData("{\"o\":{\"y\":2,\"x\":1}}",              "/o",          "{\"x\":1,\"y\":2}", true)]
    [InlineData("not json",                               "/status",     "\"ok\"",        false)]
    [InlineData("",                                       "/status",     "\"ok\"",        false)]
    public void Failure_JsonPointerCheck_ComparesJsonValues(string body, string pointer, string expected, bool passes)
    {
        var check = new ResponseCheck { JsonPointer = pointer, JsonEquals = expected };

        var failure = BodyCheckEvaluator.Failure(check, body.Length == 0 ? null : body, complete: true);

        Assert.Equal(passes, failure is null);
    }

    [Theory]
    [InlineData("All systems go", true, true)]
    [InlineData("ALL SYSTEMS GO", true, false)]
    [InlineData("Maintenance", true, false)]
    [InlineData(null, true, false)]
    [InlineData(null, false, false)]
    public void Failure_ContainsCheck_IsOrdinalAndNeedsABody(string? body, bool complete, bool passes)
    {
        var failure = BodyCheckEvaluator.Failure(new ResponseCheck { BodyContains = "systems go" }, body, complete);

        Assert.Equal(passes, failure is null);
    }

    [Fact]
    public void Failure_NoBodyCheck_PassesWhateverTheBody()
    {
        Assert.Null(BodyCheckEvaluator.Failure(ResponseCheck.Default, null, complete: false));
        Assert.Null(BodyCheckEvaluator.Failure(ResponseCheck.Default, "anything", complete: true));
    }

    [Fact]
    public void Failure_ValueQuoted_IsCutToAHundredCharacters()
    {
        var body = "{\"status\":\"" + new string('z', 500) + "\"}";

        var failure = BodyCheckEvaluator.Failure(new ResponseCheck { JsonPointer = "/status", JsonEquals = "\"ok\"" }, body, complete: true);

        Assert.NotNull(failure);
        Assert.Contains("\"" + new string('z', 99) + "…", failure, StringComparison.Ordinal);
        Assert.True(failure.Length < 200, failure);
    }
}
