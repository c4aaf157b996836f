using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Tests.Validation;

// target.success, failureAction, overdueTolerance and autoPauseAfter (docs/http-contract.md).
public sealed partial class TaskDefinitionReaderTests
{
    [Theory]
    [InlineData("{'target':{'success':'2xx'}}",                                                    "/target/success",                          "type")]
    [InlineData("{'target':{'success':{'statuses':'2xx'}}}",                                       "/target/success/statuses",                 "type")]
    [InlineData("{'target':{'success':{'statuses':[]}}}",                                          "/target/success/statuses",                 "min-items")]
    [InlineData("{'target':{'success':{'statuses':[200,201,202,203,204,205,206,207,208,209,210,211,212,213,214,215,216,217,218,219,220]}}}", "/target/success/statuses", "max-items")]
    [InlineData("{'target':{'success':{'statuses':[200,600]}}}",                                   "/target/success/statuses/1",               "status")]
    [InlineData("{'target':{'success':{'statuses':[99]}}}",                                        "/target/success/statuses/0",               "status")]
    [InlineData("{'target':{'success':{'statuses':[200.5]}}}",                                     "/target/success/statuses/0",               "status")]
    [InlineData("{'target':{'success':{'statuses':['299-200']}}}",                                 "/target/success/statuses/0",               "status")]
    [InlineData("{'target':{'success':{'statuses':['6xx']}}}",                                     "/target/success/statuses/0",               "status")]
    [InlineData("{'target':{'success':{'statuses':['2xy']}}}",                                     "/target/success/statuses/0",               "status")]
    [InlineData("{'target':{'success':{'statuses':['200-']}}}",                                    "/target/success/statuses/0",               "status")]
    [InlineData("{'target':{'success':{'statuses':['+200']}}}",                                    "/target/success/statuses/0",               "status")]
    [InlineData("{'target':{'success':{'statuses':[true]}}}",                                      "/target/success/statuses/0",               "status")]
    [InlineData("{'target':{'success':{'code':200}}}",                                             "/target/success/code",                     "unknown-property")]
    [InlineData("{'target':{'success':{'retry':'yes'}}}",                                          "/target/success/retry",                    "type")]
    [InlineData("{'target':{'success':{'body':{}}}}",                                              "/target/success/body",                     "one-of")]
    [InlineData("{'target':{'success':{'body':{'contains':'ok','jsonPointer':'/a','equals':1}}}}", "/target/success/body",                     "one-of")]
    [InlineData("{'target':{'success':{'body':{'contains':''}}}}",                                 "/target/success/body/contains",            "min")]
    [InlineData("{'target':{'success':{'body':{'contains':7}}}}",                                  "/target/success/body/contains",            "type")]
    [InlineData("{'target':{'success':{'body':{'jsonPointer':'status','equals':'ok'}}}}",          "/target/success/body/jsonPointer",         "json-pointer")]
    [InlineData("{'target':{'success':{'body':{'jsonPointer':'/a~2b','equals':'ok'}}}}",           "/target/success/body/jsonPointer",         "json-pointer")]
    [InlineData("{'target':{'success':{'body':{'jsonPointer':'/status'}}}}",                       "/target/success/body/equals",              "required")]
    [InlineData("{'target':{'success':{'body':{'contains':'ok','equals':'ok'}}}}",                 "/target/success/body/equals",              "not-applicable")]
    [InlineData("{'target':{'success':{'body':{'contains':'ok','match':'ok'}}}}",                                  "/target/success/body/match",               "unknown-property")]
    [InlineData("{'failureAction':'https://alerts.example.com'}",                                  "/failureAction",                           "type")]
    [InlineData("{'failureAction':{}}",                                                            "/failureAction/url",                       "required")]
    [InlineData("{'failureAction':{'url':'ftp://alerts.example.com'}}",                            "/failureAction/url",                       "absolute-http-url")]
    [InlineData("{'failureAction':{'url':'https://u:p@alerts.example.com'}}",                      "/failureAction/url",                       "absolute-http-url")]
    [InlineData("{'failureAction':{'url':'https://alerts.example.com','method':'GET'}}",           "/failureAction/method",                    "unknown-property")]
    [InlineData("{'failureAction':{'url':'https://alerts.example.com','body':'{}'}}",              "/failureAction/body",                      "unknown-property")]
    [InlineData("{'failureAction':{'url':'https://alerts.example.com','timeout':'PT11M'}}",        "/failureAction/timeout",                   "max")]
    [InlineData("{'failureAction':{'url':'https://alerts.example.com','timeout':'PT0S'}}",         "/failureAction/timeout",                   "min")]
    [InlineData("{'failureAction':{'url':'https://alerts.example.com','retry':{'maxAttempts':11}}}", "/failureAction/retry/maxAttempts",        "max")]
    [InlineData("{'failureAction':{'url':'https://alerts.example.com','headers':{'X-Scheduler-Event':'x'}}}", "/failureAction/headers/X-Scheduler-Event", "reserved-header")]
    [InlineData("{'failureAction':{'url':'https://alerts.example.com','headers':{'Content-Type':'text/plain'}}}", "/failureAction/headers/Content-Type", "reserved-header")]
    [InlineData("{'failureAction':{'url':'https://alerts.example.com','secretHeaders':{'Authorization':null}}}", "/failureAction/secretHeaders/Authorization", "required")]
    [InlineData("{'failureAction':{'url':'https://alerts.example.com','headers':{'A':'1'},'secretHeaders':{'a':'2'}}}", "/failureAction/secretHeaders/a", "duplicate-header")]
    [InlineData("{'overdueTolerance':'5m'}",                                                       "/overdueTolerance",                        "duration")]
    [InlineData("{'overdueTolerance':'PT0.5S'}",                                                   "/overdueTolerance",                        "min")]
    [InlineData("{'overdueTolerance':'P7DT1S'}",                                                   "/overdueTolerance",                        "max")]
    [InlineData("{'autoPauseAfter':0}",                                                            "/autoPauseAfter",                          "min")]
    [InlineData("{'autoPauseAfter':1001}",                                                         "/autoPauseAfter",                          "max")]
    [InlineData("{'autoPauseAfter':'3'}",                                                          "/autoPauseAfter",                          "type")]
    public void Read_HealthPatchWithOneFault_ReportsExactlyThatError(string patch, string pointer, string rule)
    {
        var result = TaskDefinitionReader.Read(TestJson.Patched(patch), new DefinitionContext());

        AssertSingleError(result, pointer, rule);
    }

    [Theory]
    [InlineData("[200]",                       "200")]
    [InlineData("['204']",                     "204")]
    [InlineData("['2xx']",                     "200-299")]
    [InlineData("['2XX', 304]",                "200-299,304")]
    [InlineData("['200-204', '100', '599']",   "200-204,100,599")]
    [InlineData("['404-404']",                 "404")]
    public void Read_Statuses_StoredAsCodesAndRanges(string statuses, string expected)
    {
        var task = ReadValid(TestJson.Patched("{'target':{'success':{'statuses':" + statuses + "}}}"));

        Assert.Equal(expected, string.Join(",", task.Target.Success.Statuses));
    }

    [Fact]
    public void Read_NoSuccessObject_IsAny2xxWithoutBodyCheck()
    {
        var task = ReadValid(TestJson.Patched("{}"));

        Assert.Equal(ResponseCheck.Default, task.Target.Success);
        Assert.False(task.Target.Success.ChecksBody);
        Assert.True(task.Target.Success.Accepts(299));
        Assert.False(task.Target.Success.Accepts(300));
    }

    [Theory]
    [InlineData("'ok'",                  "\"ok\"")]
    [InlineData("{ 'a' : [1, 2.50] }",   "{\"a\":[1,2.50]}")]
    [InlineData("null",                  "null")]
    [InlineData("false",                 "false")]
    public void Read_JsonPointerEquals_KeepsTheValueAsCompactJson(string equals, string stored)
    {
        var task = ReadValid(TestJson.Patched("{'target':{'success':{'body':{'jsonPointer':'/a~1b/0','equals':" + equals + "},'retry':true}}}"));

        Assert.Equal("/a~1b/0", task.Target.Success.JsonPointer);
        Assert.Equal(stored, task.Target.Success.JsonEquals);
        Assert.True(task.Target.Success.Retry);
    }

    [Fact]
    public void Read_FailureAction_TakesDefaultsAndIsPosted()
    {
        var task = ReadValid(TestJson.Patched("{'failureAction':{'url':'https://alerts.example.com/hook','headers':{'X-Team':'ops'}},'autoPauseAfter':5,'overdueTolerance':'PT10M'}"));

        var action = Assert.IsType<HttpTarget>(task.FailureAction);
        Assert.Equal(new Uri("https://alerts.example.com/hook"), action.Url);
        Assert.Equal("POST", action.Method);
        Assert.Equal(DefinitionLimits.DefaultFailureActionTimeout, action.Timeout);
        Assert.Equal(TargetRetryPolicy.Default, action.Retry);
        Assert.Equal("ops", action.Headers["x-team"]);
        Assert.Equal(5, task.AutoPauseAfter);
        Assert.Equal(TimeSpan.FromMinutes(10), task.OverdueTolerance);
    }

    [Fact]
    public void Read_ShortFormWithFailureActionAndAutoPause_IsAccepted()
    {
        var task = ReadValid("{'id':'t','cron':'0 * * * *','url':'https://w.example.com','failureAction':{'url':'https://a.example.com'},'autoPauseAfter':2}");

        Assert.Equal(new Uri("https://a.example.com"), task.FailureAction!.Url);
        Assert.Equal(2, task.AutoPauseAfter);
    }

    [Fact]
    public void Read_FailureActionSecretNullOnTheSameOrigin_KeepsStoredValue()
    {
        var existing = ReadValid(TestJson.Patched("{'failureAction':{'url':'https://alerts.example.com/a','secretHeaders':{'Authorization':'Bearer alert'}}}"));

        var result = TaskDefinitionReader.Read(
            TestJson.Patched("{'failureAction':{'url':'https://alerts.example.com/b','secretHeaders':{'Authorization':null}}}"),
            new DefinitionContext("nightly-report", existing));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("Bearer alert", result.Value.FailureAction!.SecretHeaders["Authorization"]);
    }

    [Theory]
    [InlineData("https://evil.example/hook")]
    [InlineData("http://alerts.example.com/a")]
    [InlineData("https://alerts.example.com:8443/a")]
    public void Read_FailureActionSecretNullOnAnotherOrigin_IsRefusedNamingTheHeader(string url)
    {
        var existing = ReadValid(TestJson.Patched("{'failureAction':{'url':'https://alerts.example.com/a','secretHeaders':{'Authorization':'Bearer alert'}}}"));

        var result = TaskDefinitionReader.Read(
            TestJson.Patched("{'failureAction':{'url':'" + url + "','secretHeaders':{'Authorization':null}}}"),
            new DefinitionContext("nightly-report", existing));

        AssertSingleError(result, "/failureAction/secretHeaders/Authorization", ValidationRules.OriginChanged);
    }

    [Fact]
    public void Read_FailureActionSecretNullWhereOnlyTheTargetHasIt_IsRequired()
    {
        // The target's secrets are the target's: the action keeps only its own.
        var existing = ReadValid(TestJson.Patched("{'target':{'secretHeaders':{'Authorization':'Bearer target'}},'failureAction':{'url':'https://worker.example.com/alerts'}}"));

        var result = TaskDefinitionReader.Read(
            TestJson.Patched("{'target':{'secretHeaders':{'Authorization':null}},'failureAction':{'url':'https://worker.example.com/alerts','secretHeaders':{'Authorization':null}}}"),
            new DefinitionContext("nightly-report", existing));

        AssertSingleError(result, "/failureAction/secretHeaders/Authorization", ValidationRules.Required);
    }
}
