using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Tests.Validation;

public sealed partial class TaskDefinitionReaderTests
{
    private static readonly DateTimeOffset December1 = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_FullFormWithEveryField_ReadsEveryValue()
    {
        const string Body = """
            {
              "id": "nightly-report", "name": "Nightly report", "description": "Builds the report.", "group": "reports",
              "schedule": {
                "cron": "0 30 2 * * *", "timeZone": "Europe/Berlin",
                "startAt": "2026-01-01T00:00:00Z", "endAt": "2027-01-01T00:00:00Z", "maxRuns": 10, "jitter": "PT10S",
                "misfire": { "policy": "catchUp", "grace": "PT5M", "catchUpLimit": 3 }
              },
              "target": {
                "url": "https://worker.example.com/sync", "method": "PUT",
                "headers": { "X-Env": "prod" }, "secretHeaders": { "Authorization": "Bearer abc" },
                "body": "<report/>", "contentType": "application/xml", "timeout": "PT45S",
                "retry": { "maxAttempts": 5, "initialDelay": "PT2S", "maxDelay": "PT20S", "maxDuration": "PT3M" }
              }
            }
            """;

        var task = ReadValid(Body);

        var expected = new ScheduledTask
        {
            Id = "nightly-report",
            Name = "Nightly report",
            Description = "Builds the report.",
            Group = "reports",
            Schedule = new TaskSchedule
            {
                Kind = ScheduleKind.Cron,
                Cron = "0 30 2 * * *",
                TimeZone = "Europe/Berlin",
                StartAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
                EndAt = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
                MaxRuns = 10,
                Jitter = TimeSpan.FromSeconds(10),
                Misfire = MisfirePolicy.CatchUp,
                MisfireGrace = TimeSpan.FromMinutes(5),
                CatchUpLimit = 3,
            },
            Target = new HttpTarget
            {
                Url = new Uri("https://worker.example.com/sync"),
                Method = "PUT",
                Headers = new Dictionary<string, string> { ["X-Env"] = "prod" },
                SecretHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer abc" },
                Body = "<report/>",
                ContentType = "application/xml",
                Timeout = TimeSpan.FromSeconds(45),
                Retry = new TargetRetryPolicy
                {
                    MaxAttempts = 5,
                    InitialDelay = TimeSpan.FromSeconds(2),
                    MaxDelay = TimeSpan.FromSeconds(20),
                    MaxDuration = TimeSpan.FromMinutes(3),
                },
            },
        };
        DefinitionAssert.Equal(expected, task);
    }

    [Fact]
    public void Read_MinimalFullForm_FillsEveryDefault()
    {
        var task = ReadValid("{'id':'t1','schedule':{'cron':'0 * * * *'},'target':{'url':'https://w.example.com/x'}}");

        Assert.Equal(ScheduledTask.DefaultGroup, task.Group);
        Assert.Null(task.Name);
        Assert.Null(task.Description);
        Assert.Equal(
            new TaskSchedule { Kind = ScheduleKind.Cron, Cron = "0 * * * *", TimeZone = "UTC", Jitter = TimeSpan.Zero, Misfire = MisfirePolicy.FireOnce, MisfireGrace = TimeSpan.FromMinutes(1), CatchUpLimit = 10 },
            task.Schedule);
        Assert.Equal("POST", task.Target.Method);
        Assert.Empty(task.Target.Headers);
        Assert.Empty(task.Target.SecretHeaders);
        Assert.Null(task.Target.Body);
        Assert.Null(task.Target.ContentType);
        Assert.Equal(TimeSpan.FromSeconds(30), task.Target.Timeout);
        Assert.Equal(new TargetRetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), MaxDuration = TimeSpan.FromMinutes(2) }, task.Target.Retry);
    }

    [Fact]
    public void Read_BodyWithoutContentType_DefaultsToApplicationJson()
    {
        var task = ReadValid(TestJson.Merge(TestJson.Quote(TestJson.Base), "{\"target\":{\"body\":\"{\\\"a\\\":1}\"}}"));

        Assert.Equal("{\"a\":1}", task.Target.Body);
        Assert.Equal("application/json", task.Target.ContentType);
    }

    [Fact]
    public void Read_LongInitialDelayWithoutMaxDelay_RaisesMaxDelayToIt()
    {
        var task = ReadValid(TestJson.Patched("{'target':{'retry':{'initialDelay':'PT45S'}}}"));

        Assert.Equal(TimeSpan.FromSeconds(45), task.Target.Retry.MaxDelay);
    }

    [Theory]
    [InlineData("{'schedule':{'cron':'0 */5 * * * ?'}}",                 ScheduleKind.Cron)]
    [InlineData("{'schedule':{'cron':'0 0 ? * MON'}}",                   ScheduleKind.Cron)]
    [InlineData("{'schedule':{'cron':'0 0 29 2 *'}}",                    ScheduleKind.Cron)]
    [InlineData("{'schedule':{'cron':null,'interval':'PT1S'}}",          ScheduleKind.Interval)]
    [InlineData("{'schedule':{'cron':null,'interval':'P1DT0.5S'}}",      ScheduleKind.Interval)]
    [InlineData("{'schedule':{'cron':null,'at':'2026-12-01T08:00:00Z'}}", ScheduleKind.Once)]
    public void Read_EachScheduleKind_SetsKind(string patch, ScheduleKind kind)
    {
        var task = ReadValid(TestJson.Patched(patch));

        Assert.Equal(kind, task.Schedule.Kind);
    }

    // Inclusive upper and lower bounds are accepted.
    [Theory]
    [InlineData("{'schedule':{'jitter':'PT1H','maxRuns':1}}")]
    [InlineData("{'schedule':{'jitter':'PT0S','misfire':{'grace':'P7D','catchUpLimit':1000}}}")]
    [InlineData("{'schedule':{'misfire':{'grace':'PT0S','catchUpLimit':1}}}")]
    [InlineData("{'target':{'timeout':'PT1S','retry':{'maxAttempts':1,'initialDelay':'PT0S','maxDelay':'PT0S','maxDuration':'PT0S'}}}")]
    [InlineData("{'target':{'timeout':'PT10M','retry':{'maxAttempts':10,'initialDelay':'PT1H','maxDelay':'PT1H','maxDuration':'PT1H'}}}")]
    [InlineData("{'schedule':{'cron':null,'at':'2026-02-01T00:00:00Z','startAt':'2026-02-01T00:00:00Z','endAt':'2026-02-01T00:00:01Z'}}")]
    [InlineData("{'schedule':{'cron':null,'at':'2026-02-01T00:00:01Z','startAt':'2026-02-01T00:00:00Z','endAt':'2026-02-01T00:00:01Z'}}")]
    public void Read_ValuesOnTheirBounds_AreValid(string patch)
    {
        var result = TaskDefinitionReader.Read(TestJson.Patched(patch), new DefinitionContext());

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [InlineData("{'target':{'method':'post'}}",                              "Method",   "POST")]
    [InlineData("{'target':{'method':'Purge'}}",                             "Method",   "PURGE")]
    [InlineData("{'schedule':{'cron':'  0   30\\t2 * * * '}}",                "Cron",     "0 30 2 * * *")]
    [InlineData("{'schedule':{'timeZone':'W. Europe Standard Time'}}",       "TimeZone", "Europe/Berlin")]
    [InlineData("{'schedule':{'timeZone':'UTC'}}",                           "TimeZone", "UTC")]
    [InlineData("{'target':{'headers':{'X-Env':'  prod \\t'}}}",             "X-Env",    "prod")]
    [InlineData("{'target':{'contentType':' text/plain; charset=utf-8 '}}",  "ContentType", "text/plain; charset=utf-8")]
    public void Read_NonCanonicalInput_IsNormalized(string patch, string field, string expected)
    {
        var task = ReadValid(TestJson.Patched(patch));

        var actual = field switch
        {
            "Method" => task.Target.Method,
            "Cron" => task.Schedule.Cron,
            "TimeZone" => task.Schedule.TimeZone,
            "ContentType" => task.Target.ContentType,
            _ => task.Target.Headers[field],
        };
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Read_InstantsWithOffsets_AreStoredInUtc()
    {
        var task = ReadValid(TestJson.Patched("{'schedule':{'cron':null,'at':'2026-12-01T10:00:00+02:00','startAt':'2026-11-30T19:00:00-05:00'}}"));

        Assert.Equal(December1, task.Schedule.At);
        Assert.Equal(TimeSpan.Zero, task.Schedule.At!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), task.Schedule.StartAt);
        Assert.Equal(TimeSpan.Zero, task.Schedule.StartAt!.Value.Offset);
    }

    [Fact]
    public void Read_ArticleShortForm_IsUtcCronTaskPostingToUrl()
    {
        var task = ReadValid("{'id':'task-001','name':'data-sync','cron':'0 */5 * * * ?','url':'http://worker.example.com/sync'}");

        Assert.Equal("task-001", task.Id);
        Assert.Equal("data-sync", task.Name);
        Assert.Equal(ScheduleKind.Cron, task.Schedule.Kind);
        Assert.Equal("0 */5 * * * ?", task.Schedule.Cron);
        Assert.Equal("UTC", task.Schedule.TimeZone);
        Assert.Equal("POST", task.Target.Method);
        Assert.Equal(new Uri("http://worker.example.com/sync"), task.Target.Url);
    }

    [Theory]
    [InlineData("'cron':'0 */5 * * * ?'",                         "'url':'http://w.example.com/sync'")]
    [InlineData("'cron':'0 8 * * *','timeZone':'Europe/Berlin'",  "'url':'http://w.example.com/sync'")]
    [InlineData("'interval':'PT30S'",                             "'url':'https://w.example.com/sync','method':'get'")]
    [InlineData("'at':'2026-12-01T08:00:00Z'",                    "'url':'https://w.example.com/sync','method':'DELETE'")]
    public void Read_ShortForm_EqualsEquivalentFullForm(string scheduleFields, string targetFields)
    {
        var shortForm = ReadValid($"{{'id':'task-001','name':'data-sync',{scheduleFields},{targetFields}}}");
        var fullForm = ReadValid($"{{'id':'task-001','name':'data-sync','schedule':{{{scheduleFields}}},'target':{{{targetFields}}}}}");

        DefinitionAssert.Equal(fullForm, shortForm);
    }

    [Fact]
    public void Read_ManyFaults_ReportsEveryOne()
    {
        const string Patch = "{'id':'bad id','extra':true,'schedule':{'maxRuns':0,'jitter':'10s','timeZone':'Nowhere'}," +
            "'target':{'url':'ftp://w.example.com','headers':{'Host':'x','X-A':'a\\nb'},'retry':{'maxAttempts':99}}}";

        var result = TaskDefinitionReader.Read(TestJson.Patched(Patch), new DefinitionContext());

        Assert.False(result.IsValid);
        Assert.Equal(
            new[]
            {
                ("/extra", "unknown-property"), ("/id", "pattern"), ("/schedule/jitter", "duration"),
                ("/schedule/maxRuns", "min"), ("/schedule/timeZone", "time-zone"), ("/target/headers/Host", "reserved-header"),
                ("/target/headers/X-A", "header-value"), ("/target/retry/maxAttempts", "max"), ("/target/url", "absolute-http-url"),
            },
            result.Errors.Select(e => (e.Pointer, e.Rule)).Order());
    }

    [Theory]
    [InlineData("{}",                                   "|one-of /url|required")]
    [InlineData("{'schedule':{},'target':{}}",          "/schedule|one-of /target/url|required")]
    [InlineData("{'schedule':{'cron':'x','interval':'y','at':'z'},'target':{'url':1}}", "/schedule|one-of /schedule/at|date-time /schedule/cron|cron /schedule/interval|duration /target/url|type")]
    public void Read_EmptyOrHollowDocument_ReportsEveryMissingPart(string document, string expected)
    {
        var result = TaskDefinitionReader.Read(TestJson.Utf8(document), new DefinitionContext());

        Assert.False(result.IsValid);
        Assert.Equal(
            expected.Split(' ').Order(StringComparer.Ordinal),
            result.Errors.Select(e => e.Pointer + "|" + e.Rule).Order(StringComparer.Ordinal));
    }

    private static ScheduledTask ReadValid(string singleQuotedOrJson) => ReadValid(TestJson.Utf8(singleQuotedOrJson));

    private static ScheduledTask ReadValid(byte[] body)
    {
        var result = TaskDefinitionReader.Read(body, new DefinitionContext());
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Value;
    }
}
