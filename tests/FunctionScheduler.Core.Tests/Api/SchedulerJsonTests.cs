using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionScheduler.Core.Api;
using FunctionScheduler.Core.Api.Representations;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Tests.Api;

public sealed class SchedulerJsonTests
{
    [Fact]
    public void Options_Shared_IsReadOnly()
    {
        Assert.True(SchedulerJson.Options.IsReadOnly);
    }

    [Theory]
    [InlineData(0L,                               "\"PT0S\"")]
    [InlineData(90L * TimeSpan.TicksPerSecond,    "\"PT1M30S\"")]
    [InlineData(TimeSpan.TicksPerDay,             "\"P1D\"")]
    public void Serialize_TimeSpan_WritesIsoDuration(long ticks, string expected)
    {
        Assert.Equal(expected, SchedulerJson.Serialize(TimeSpan.FromTicks(ticks)));
        Assert.Equal(TimeSpan.FromTicks(ticks), SchedulerJson.Deserialize<TimeSpan>(Encoding.UTF8.GetBytes(expected)));
    }

    [Theory]
    [InlineData("2026-12-01T08:00:00+00:00",     "\"2026-12-01T08:00:00Z\"")]
    [InlineData("2026-12-01T10:00:00+02:00",     "\"2026-12-01T08:00:00Z\"")]
    [InlineData("2026-12-01T08:00:00.1230000Z",  "\"2026-12-01T08:00:00.123Z\"")]
    public void Serialize_Instant_WritesUtcWithZ(string instant, string expected)
    {
        var value = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, SchedulerJson.Serialize(value));
        Assert.Equal(value, SchedulerJson.Deserialize<DateTimeOffset>(Encoding.UTF8.GetBytes(expected)));
    }

    [Theory]
    [InlineData(MisfirePolicy.FireOnce,          "\"fireOnce\"")]
    [InlineData(MisfirePolicy.CatchUp,           "\"catchUp\"")]
    [InlineData(TaskLifecycle.Paused,            "\"paused\"")]
    [InlineData(CompletionReason.EndAtReached,   "\"endAtReached\"")]
    [InlineData(RunErrorClass.TargetRefused,     "\"targetRefused\"")]
    [InlineData(OccurrenceKind.Manual,           "\"manual\"")]
    public void Serialize_Enum_WritesCamelCaseName(object value, string expected)
    {
        Assert.Equal(expected, JsonSerializer.Serialize(value, value.GetType(), SchedulerJson.Options));
    }

    [Fact]
    public void Serialize_ProblemDocument_WritesRfc9457MembersAndErrors()
    {
        var problem = new ProblemDocument
        {
            Title = "The task definition is invalid.",
            Status = 400,
            Errors = [new FieldError("/schedule/cron", ValidationRules.Cron, "Bad cron.")],
        };

        var json = SchedulerJson.Serialize(problem);

        const string Expected = """
            {"type":"about:blank","title":"The task definition is invalid.","status":400,
             "errors":[{"pointer":"/schedule/cron","rule":"cron","message":"Bad cron."}]}
            """;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Expected), JsonNode.Parse(json)), json);
    }

    [Fact]
    public void Serialize_TextWithHtmlAndNonAsciiCharacters_KeepsThemReadable()
    {
        var json = SchedulerJson.Serialize(new ProblemDocument { Title = "<b>café</b> & 1+1", Status = 400 });

        Assert.Contains("\"title\":\"<b>café</b> & 1+1\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_HostOwnedOptions_WritesLikeSharedOptions()
    {
        var stored = RepresentationFixtures.Stored(RepresentationFixtures.Definition(RepresentationFixtures.FullDefinition));
        var representation = TaskRepresentation.From(stored);
        var hostOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        SchedulerJson.Configure(hostOptions);

        Assert.Equal(SchedulerJson.Serialize(representation), JsonSerializer.Serialize(representation, hostOptions));
    }

    [Fact]
    public void Deserialize_SerializedTaskRepresentation_WritesBackIdentically()
    {
        var stored = RepresentationFixtures.Stored(RepresentationFixtures.Definition(RepresentationFixtures.FullDefinition));
        var json = SchedulerJson.SerializeToUtf8Bytes(TaskRepresentation.From(stored));

        var readBack = SchedulerJson.Deserialize<TaskRepresentation>(json);

        Assert.NotNull(readBack);
        Assert.Equal(Encoding.UTF8.GetString(json), SchedulerJson.Serialize(readBack));
    }

    [Fact]
    public void Serialize_TypeOutsideTheContract_FallsBackToReflection()
    {
        Assert.Equal("{\"taskId\":\"t\",\"delay\":\"PT5S\"}", SchedulerJson.Serialize(new { TaskId = "t", Delay = TimeSpan.FromSeconds(5) }));
    }
}
