using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Tests.Validation;

public sealed partial class TaskDefinitionReaderTests
{
    // Each row breaks exactly one rule of TestJson.Base with a merge patch (null removes a property).
    [Theory]
    [InlineData("{'schedule':'daily'}",                                                   "/schedule",                         "type")]
    [InlineData("{'target':[]}",                                                          "/target",                           "type")]
    [InlineData("{'schedule':{'maxRuns':'10'}}",                                          "/schedule/maxRuns",                 "type")]
    [InlineData("{'schedule':{'maxRuns':1.5}}",                                           "/schedule/maxRuns",                 "type")]
    [InlineData("{'schedule':{'cron':5}}",                                                "/schedule/cron",                    "type")]
    [InlineData("{'schedule':{'jitter':10}}",                                             "/schedule/jitter",                  "type")]
    [InlineData("{'schedule':{'misfire':'skip'}}",                                        "/schedule/misfire",                 "type")]
    [InlineData("{'target':{'headers':['X-Env']}}",                                       "/target/headers",                   "type")]
    [InlineData("{'target':{'headers':{'X-Env':1}}}",                                     "/target/headers/X-Env",             "type")]
    [InlineData("{'target':{'body':{'a':1}}}",                                            "/target/body",                      "type")]
    [InlineData("{'target':{'retry':{'maxAttempts':true}}}",                              "/target/retry/maxAttempts",         "type")]
    [InlineData("{'name':42}",                                                            "/name",                             "type")]
    [InlineData("{'id':7}",                                                               "/id",                               "type")]
    [InlineData("{'state':{'lifecycle':'active'}}",                                       "/state",                            "unknown-property")]
    [InlineData("{'schedule':{'Cron':'0 * * * *'}}",                                      "/schedule/Cron",                    "unknown-property")]
    [InlineData("{'schedule':{'misfire':{'policy':'skip','limit':3}}}",                   "/schedule/misfire/limit",           "unknown-property")]
    [InlineData("{'target':{'verb':'GET'}}",                                              "/target/verb",                      "unknown-property")]
    [InlineData("{'target':{'retry':{'attempts':3}}}",                                    "/target/retry/attempts",            "unknown-property")]
    [InlineData("{'schedule':null}",                                                      "/schedule",                         "required")]
    [InlineData("{'target':null}",                                                        "/target",                           "required")]
    [InlineData("{'target':{'url':null}}",                                                "/target/url",                       "required")]
    [InlineData("{'schedule':{'cron':null}}",                                             "/schedule",                         "one-of")]
    [InlineData("{'schedule':{'at':'2026-12-01T08:00:00Z'}}",                             "/schedule",                         "one-of")]
    [InlineData("{'url':'https://worker.example.com/sync'}",                              "/url",                              "mixed-form")]
    [InlineData("{'cron':'0 * * * *'}",                                                   "/cron",                             "mixed-form")]
    [InlineData("{'id':'nightly report'}",                                                "/id",                               "pattern")]
    [InlineData("{'id':''}",                                                              "/id",                               "pattern")]
    [InlineData("{'id':'-nightly'}",                                                      "/id",                               "pattern")]
    [InlineData("{'group':'reports/eu'}",                                                 "/group",                            "pattern")]
    [InlineData("{'schedule':{'cron':'61 * * * *'}}",                                     "/schedule/cron",                    "cron")]
    [InlineData("{'schedule':{'cron':'* * * *'}}",                                        "/schedule/cron",                    "cron")]
    [InlineData("{'schedule':{'cron':'0 0 0 * * * 2026'}}",                               "/schedule/cron",                    "cron")]
    [InlineData("{'schedule':{'cron':'0 0 30 2 *'}}",                                     "/schedule/cron",                    "cron")]
    [InlineData("{'schedule':{'cron':''}}",                                               "/schedule/cron",                    "cron")]
    [InlineData("{'schedule':{'timeZone':'Mars/Olympus_Mons'}}",                          "/schedule/timeZone",                "time-zone")]
    [InlineData("{'schedule':{'timeZone':'europe/berlin'}}",                             "/schedule/timeZone",                "time-zone")]
    [InlineData("{'schedule':{'timeZone':''}}",                                           "/schedule/timeZone",                "time-zone")]
    [InlineData("{'schedule':{'cron':null,'interval':'PT1M','timeZone':'UTC'}}",          "/schedule/timeZone",                "not-applicable")]
    [InlineData("{'schedule':{'cron':null,'at':'2026-12-01T08:00:00Z','timeZone':'UTC'}}", "/schedule/timeZone",               "not-applicable")]
    [InlineData("{'schedule':{'cron':null,'interval':'30s'}}",                            "/schedule/interval",                "duration")]
    [InlineData("{'schedule':{'cron':null,'interval':'P1M'}}",                            "/schedule/interval",                "duration")]
    [InlineData("{'schedule':{'cron':null,'interval':'PT'}}",                             "/schedule/interval",                "duration")]
    [InlineData("{'schedule':{'cron':null,'interval':'pt30s'}}",                          "/schedule/interval",                "duration")]
    [InlineData("{'schedule':{'jitter':'P'}}",                                            "/schedule/jitter",                  "duration")]
    [InlineData("{'target':{'timeout':'00:00:30'}}",                                      "/target/timeout",                   "duration")]
    [InlineData("{'schedule':{'startAt':'2026-12-01T08:00:00'}}",                         "/schedule/startAt",                 "date-time")]
    [InlineData("{'schedule':{'startAt':'2026-12-01'}}",                                  "/schedule/startAt",                 "date-time")]
    [InlineData("{'schedule':{'endAt':'2026-02-30T08:00:00Z'}}",                          "/schedule/endAt",                   "date-time")]
    [InlineData("{'schedule':{'cron':null,'at':'tomorrow'}}",                             "/schedule/at",                      "date-time")]
    [InlineData("{'schedule':{'misfire':{'policy':'never'}}}",                            "/schedule/misfire/policy",          "enum")]
    [InlineData("{'schedule':{'misfire':{'policy':'FireOnce'}}}",                         "/schedule/misfire/policy",          "enum")]
    [InlineData("{'schedule':{'cron':null,'interval':'PT0.5S'}}",                         "/schedule/interval",                "min")]
    [InlineData("{'schedule':{'cron':null,'interval':'-PT1M'}}",                          "/schedule/interval",                "min")]
    [InlineData("{'schedule':{'jitter':'-PT1S'}}",                                        "/schedule/jitter",                  "min")]
    [InlineData("{'schedule':{'jitter':'PT1H1S'}}",                                       "/schedule/jitter",                  "max")]
    [InlineData("{'schedule':{'misfire':{'grace':'-PT1S'}}}",                             "/schedule/misfire/grace",           "min")]
    [InlineData("{'schedule':{'misfire':{'grace':'P7DT1S'}}}",                            "/schedule/misfire/grace",           "max")]
    [InlineData("{'schedule':{'misfire':{'catchUpLimit':0}}}",                            "/schedule/misfire/catchUpLimit",    "min")]
    [InlineData("{'schedule':{'misfire':{'catchUpLimit':1001}}}",                         "/schedule/misfire/catchUpLimit",    "max")]
    [InlineData("{'schedule':{'maxRuns':0}}",                                             "/schedule/maxRuns",                 "min")]
    [InlineData("{'schedule':{'maxRuns':2147483648}}",                                    "/schedule/maxRuns",                 "max")]
    [InlineData("{'target':{'timeout':'PT0.5S'}}",                                        "/target/timeout",                   "min")]
    [InlineData("{'target':{'timeout':'PT10M1S'}}",                                       "/target/timeout",                   "max")]
    [InlineData("{'target':{'retry':{'maxAttempts':0}}}",                                 "/target/retry/maxAttempts",         "min")]
    [InlineData("{'target':{'retry':{'maxAttempts':11}}}",                                "/target/retry/maxAttempts",         "max")]
    [InlineData("{'target':{'retry':{'initialDelay':'-PT1S'}}}",                          "/target/retry/initialDelay",        "min")]
    [InlineData("{'target':{'retry':{'initialDelay':'PT1H1S'}}}",                         "/target/retry/initialDelay",        "max")]
    [InlineData("{'target':{'retry':{'maxDelay':'PT1H1S'}}}",                             "/target/retry/maxDelay",            "max")]
    [InlineData("{'target':{'retry':{'initialDelay':'PT10S','maxDelay':'PT5S'}}}",        "/target/retry/maxDelay",            "min")]
    [InlineData("{'target':{'retry':{'maxDuration':'PT1H1S'}}}",                          "/target/retry/maxDuration",         "max")]
    [InlineData("{'schedule':{'startAt':'2026-02-01T00:00:00Z','endAt':'2026-01-01T00:00:00Z'}}", "/schedule/endAt",           "after")]
    [InlineData("{'schedule':{'startAt':'2026-02-01T00:00:00Z','endAt':'2026-02-01T01:00:00+01:00'}}", "/schedule/endAt",      "after")]
    [InlineData("{'schedule':{'cron':null,'at':'2026-01-01T00:00:00Z','startAt':'2026-02-01T00:00:00Z'}}", "/schedule/at",     "range")]
    [InlineData("{'schedule':{'cron':null,'at':'2026-03-01T00:00:00Z','endAt':'2026-02-01T00:00:00Z'}}", "/schedule/at",       "range")]
    [InlineData("{'target':{'url':'ftp://worker.example.com/sync'}}",                     "/target/url",                       "absolute-http-url")]
    [InlineData("{'target':{'url':'/sync'}}",                                             "/target/url",                       "absolute-http-url")]
    [InlineData("{'target':{'url':'worker.example.com/sync'}}",                           "/target/url",                       "absolute-http-url")]
    [InlineData("{'target':{'url':'https://user:pw@worker.example.com/sync'}}",           "/target/url",                       "absolute-http-url")]
    [InlineData("{'target':{'url':'https://user@worker.example.com/sync'}}",              "/target/url",                       "absolute-http-url")]
    [InlineData("{'target':{'method':'GE T'}}",                                           "/target/method",                    "http-method")]
    [InlineData("{'target':{'method':''}}",                                               "/target/method",                    "http-method")]
    [InlineData("{'target':{'method':'CONNECT'}}",                                        "/target/method",                    "http-method")]
    [InlineData("{'target':{'method':'trace'}}",                                          "/target/method",                    "http-method")]
    [InlineData("{'target':{'headers':{'X Env':'prod'}}}",                                "/target/headers/X Env",             "header-token")]
    [InlineData("{'target':{'headers':{'a/b~c':'x'}}}",                                   "/target/headers/a~1b~0c",           "header-token")]
    [InlineData("{'target':{'headers':{'':'x'}}}",                                        "/target/headers/",                  "header-token")]
    [InlineData("{'target':{'secretHeaders':{'Api:Key':'x'}}}",                           "/target/secretHeaders/Api:Key",     "header-token")]
    [InlineData("{'target':{'headers':{'X-Env':'a\\r\\nInjected: 1'}}}",                  "/target/headers/X-Env",             "header-value")]
    [InlineData("{'target':{'headers':{'X-Env':'caf\\u00e9'}}}",                          "/target/headers/X-Env",             "header-value")]
    [InlineData("{'target':{'secretHeaders':{'Authorization':'Bearer \\u0000'}}}",        "/target/secretHeaders/Authorization", "header-value")]
    [InlineData("{'target':{'headers':{'X-Scheduler-Run-Id':'r1'}}}",                     "/target/headers/X-Scheduler-Run-Id", "reserved-header")]
    [InlineData("{'target':{'headers':{'x-scheduler-signature':'s'}}}",                   "/target/headers/x-scheduler-signature", "reserved-header")]
    [InlineData("{'target':{'headers':{'traceparent':'00-x'}}}",                          "/target/headers/traceparent",       "reserved-header")]
    [InlineData("{'target':{'secretHeaders':{'TraceState':'x'}}}",                        "/target/secretHeaders/TraceState",  "reserved-header")]
    [InlineData("{'target':{'headers':{'Host':'evil.example.com'}}}",                     "/target/headers/Host",              "reserved-header")]
    [InlineData("{'target':{'headers':{'content-length':'3'}}}",                          "/target/headers/content-length",    "reserved-header")]
    [InlineData("{'target':{'headers':{'Transfer-Encoding':'chunked'}}}",                 "/target/headers/Transfer-Encoding", "reserved-header")]
    [InlineData("{'target':{'headers':{'Connection':'close'}}}",                          "/target/headers/Connection",        "reserved-header")]
    [InlineData("{'target':{'headers':{'Content-Type':'text/plain'}}}",                   "/target/headers/Content-Type",      "reserved-header")]
    [InlineData("{'target':{'headers':{'X-Env':'a'},'secretHeaders':{'x-env':'b'}}}",     "/target/secretHeaders/x-env",       "duplicate-header")]
    [InlineData("{'target':{'headers':{'X-Env':'a','x-env':'b'}}}",                       "/target/headers/x-env",             "duplicate-header")]
    [InlineData("{'target':{'contentType':'json'}}",                                      "/target/contentType",               "media-type")]
    [InlineData("{'target':{'contentType':'application json'}}",                          "/target/contentType",               "media-type")]
    public void Read_PatchWithOneFault_ReportsExactlyThatError(string patch, string pointer, string rule)
    {
        var result = TaskDefinitionReader.Read(TestJson.Patched(patch), new DefinitionContext());

        AssertSingleError(result, pointer, rule);
    }

    // Whole documents: what a merge patch cannot express (bad JSON, duplicates, nulls, the short form).
    [Theory]
    [InlineData("",                                                                             "",                                   "json")]
    [InlineData("{",                                                                            "",                                   "json")]
    [InlineData("{'id':'a'} {}",                                                                "",                                   "json")]
    [InlineData("{'id':'a',}",                                                                  "",                                   "json")]
    [InlineData("[]",                                                                           "",                                   "type")]
    [InlineData("null",                                                                         "",                                   "type")]
    [InlineData("'task'",                                                                       "",                                   "type")]
    [InlineData("{'id':'a','id':'b','cron':'0 * * * *','url':'https://w.example.com'}",        "/id",                                "duplicate-property")]
    [InlineData("{'schedule':{'cron':'0 * * * *'},'target':{'url':'https://w.example.com','secretHeaders':{'Authorization':null}}}", "/target/secretHeaders/Authorization", "required")]
    [InlineData("{'schedule':{'cron':'0 * * * *'},'target':{'url':'https://w.example.com','headers':{'X-Env':null}}}",             "/target/headers/X-Env",               "type")]
    [InlineData("{'cron':'0 * * * *'}",                                                         "/url",                               "required")]
    [InlineData("{'url':'https://w.example.com'}",                                              "",                                   "one-of")]
    [InlineData("{'cron':'0 * * * *','interval':'PT1M','url':'https://w.example.com'}",        "",                                   "one-of")]
    [InlineData("{'interval':'PT1M','timeZone':'UTC','url':'https://w.example.com'}",          "/timeZone",                          "not-applicable")]
    [InlineData("{'cron':'0 * * * *','timeZone':'Nowhere/Town','url':'https://w.example.com'}", "/timeZone",                         "time-zone")]
    [InlineData("{'cron':'0 * * * *','url':'https://w.example.com','headers':{}}",             "/headers",                           "unknown-property")]
    [InlineData("{'cron':'0 * * * *','url':'https://w.example.com','startAt':'2026-01-01T00:00:00Z'}", "/startAt",                   "unknown-property")]
    [InlineData("{'cron':'0 * * * *','url':'ftp://w.example.com'}",                             "/url",                               "absolute-http-url")]
    [InlineData("{'cron':'0 * * * *','url':'https://w.example.com','method':'G T'}",           "/method",                            "http-method")]
    [InlineData("{'cron':'0 * * *','url':'https://w.example.com'}",                             "/cron",                              "cron")]
    [InlineData("{'at':'2026-12-01T08:00:00','url':'https://w.example.com'}",                   "/at",                                "date-time")]
    public void Read_DocumentWithOneFault_ReportsExactlyThatError(string document, string pointer, string rule)
    {
        var result = TaskDefinitionReader.Read(TestJson.Utf8(document), new DefinitionContext());

        AssertSingleError(result, pointer, rule);
    }

    [Theory]
    [InlineData("name",        DefinitionLimits.MaxNameLength)]
    [InlineData("description", DefinitionLimits.MaxDescriptionLength)]
    public void Read_TextOneCharacterTooLong_ReportsMaxLength(string property, int limit)
    {
        var atLimit = TaskDefinitionReader.Read(TestJson.Patched($"{{'{property}':'{new string('n', limit)}'}}"), new DefinitionContext());
        var overLimit = TaskDefinitionReader.Read(TestJson.Patched($"{{'{property}':'{new string('n', limit + 1)}'}}"), new DefinitionContext());

        Assert.True(atLimit.IsValid);
        AssertSingleError(overLimit, "/" + property, ValidationRules.MaxLength);
    }

    [Fact]
    public void Read_BodyOverLimitInUtf8Bytes_ReportsMaxLength()
    {
        // 'é' is two UTF-8 bytes: the limit counts bytes sent, not characters.
        var atLimit = new string('é', DefinitionLimits.MaxBodyBytes / 2);
        var overLimit = atLimit + "x";

        Assert.True(TaskDefinitionReader.Read(TestJson.Patched($"{{'target':{{'body':'{atLimit}'}}}}"), new DefinitionContext()).IsValid);
        AssertSingleError(
            TaskDefinitionReader.Read(TestJson.Patched($"{{'target':{{'body':'{overLimit}'}}}}"), new DefinitionContext()),
            "/target/body",
            ValidationRules.MaxLength);
    }

    [Fact]
    public void Read_UrlOverLimit_ReportsMaxLength()
    {
        var url = "https://worker.example.com/" + new string('p', DefinitionLimits.MaxUrlLength);

        var result = TaskDefinitionReader.Read(TestJson.Patched($"{{'target':{{'url':'{url}'}}}}"), new DefinitionContext());

        AssertSingleError(result, "/target/url", ValidationRules.MaxLength);
    }

    [Fact]
    public void Read_HeaderValueOverLimit_ReportsMaxLength()
    {
        var value = new string('v', DefinitionLimits.MaxHeaderValueLength + 1);

        var result = TaskDefinitionReader.Read(TestJson.Patched($"{{'target':{{'headers':{{'X-Big':'{value}'}}}}}}"), new DefinitionContext());

        AssertSingleError(result, "/target/headers/X-Big", ValidationRules.MaxLength);
    }

    [Theory]
    [InlineData(50, 0, true)]
    [InlineData(30, 20, true)]
    [InlineData(51, 0, false)]
    [InlineData(26, 25, false)]
    public void Read_HeaderCount_AllowsFiftyInAll(int plain, int secret, bool valid)
    {
        static string Map(string prefix, int count) =>
            "{" + string.Join(',', Enumerable.Range(0, count).Select(i => $"'{prefix}-{i}':'v'")) + "}";
        var patch = $"{{'target':{{'headers':{Map("X-Plain", plain)},'secretHeaders':{Map("X-Secret", secret)}}}}}";

        var result = TaskDefinitionReader.Read(TestJson.Patched(patch), new DefinitionContext());

        if (valid)
        {
            Assert.True(result.IsValid);
            Assert.Equal(plain + secret, result.Value.Target.Headers.Count + result.Value.Target.SecretHeaders.Count);
        }
        else
        {
            AssertSingleError(result, "/target", ValidationRules.MaxItems);
        }
    }

    [Fact]
    public void Read_IdLongerThanPattern_ReportsPattern()
    {
        var result = TaskDefinitionReader.Read(TestJson.Patched($"{{'id':'{new string('a', 65)}'}}"), new DefinitionContext());

        AssertSingleError(result, "/id", ValidationRules.Pattern);
        Assert.Contains(TaskId.Pattern, result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DocumentOverSizeLimit_ReportsMaxLengthOnWholeBody()
    {
        var padding = new string(' ', DefinitionLimits.MaxDocumentBytes);

        var result = TaskDefinitionReader.Read(TestJson.Utf8(TestJson.Base + padding), new DefinitionContext());

        AssertSingleError(result, "", ValidationRules.MaxLength);
    }

    [Fact]
    public void Read_InvalidJson_MessageCarriesParserPosition()
    {
        var result = TaskDefinitionReader.Read(TestJson.Utf8("{'id':}"), new DefinitionContext());

        var error = AssertSingleError(result, "", ValidationRules.Json);
        Assert.Contains("BytePositionInLine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadCron_MessageCarriesCronosReason()
    {
        var result = TaskDefinitionReader.Read(TestJson.Patched("{'schedule':{'cron':'0 61 * * *'}}"), new DefinitionContext());

        var error = AssertSingleError(result, "/schedule/cron", ValidationRules.Cron);
        Assert.Contains("Hours", error.Message, StringComparison.Ordinal);
    }

    private static FieldError AssertSingleError(ReadResult<ScheduledTask> result, string pointer, string rule)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal((pointer, rule), (error.Pointer, error.Rule));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }
}
