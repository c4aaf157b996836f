using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FunctionScheduler.Core.Api.Representations;
using FunctionScheduler.Core.Tests.Validation;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Tests.Api;

/// <summary>
/// The request side of the contract that clients write (<see cref="TaskDefinition"/>) against the reader the server
/// uses: every property the server reads binds to it, and what it writes the server reads to the same task.
/// </summary>
public sealed class TaskDefinitionContractTests
{
    // The fixture's definition with the one property it leaves out, so every property of the contract is exercised.
    private static readonly string EveryProperty = WithContentType(RepresentationFixtures.FullDefinition);

    private static readonly JsonSerializerOptions Strict = new(SchedulerJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    [Fact]
    public void Deserialize_EveryPropertyTheServerReads_BindsWithNothingLeftOverAndWritesTheSameJson()
    {
        var definition = JsonSerializer.Deserialize<TaskDefinition>(EveryProperty, Strict)!;

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(EveryProperty), JsonNode.Parse(SchedulerJson.Serialize(definition))),
            SchedulerJson.Serialize(definition));
    }

    [Fact]
    public void Read_DefinitionWrittenByTheContract_IsTheTaskTheServerReadsFromTheSameJson()
    {
        var definition = SchedulerJson.Deserialize<TaskDefinition>(TestJson.Utf8(EveryProperty))!;

        var fromContract = RepresentationFixtures.Definition(SchedulerJson.Serialize(definition));

        Assert.Equal(Representation(RepresentationFixtures.Definition(EveryProperty)), Representation(fromContract));
    }

    [Fact]
    public void ToDefinition_ReadRepresentationPutBack_ReadsToTheSameTaskWithTheStoredSecret()
    {
        var stored = RepresentationFixtures.Stored(RepresentationFixtures.Definition(EveryProperty));
        var body = SchedulerJson.SerializeToUtf8Bytes(TaskRepresentation.From(stored).ToDefinition());

        var read = TaskDefinitionReader.Read(body, new DefinitionContext(stored.Id, stored.Definition));

        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal(RepresentationFixtures.Secret, read.Value.Target.SecretHeaders["Authorization"].Split(' ')[1]);
        Assert.Equal(Representation(stored.Definition), Representation(read.Value));
    }

    private static string Representation(Model.ScheduledTask definition) =>
        SchedulerJson.Serialize(TaskRepresentation.From(RepresentationFixtures.Stored(definition)));

    private static string WithContentType(string json)
    {
        var node = JsonNode.Parse(json)!;
        node["target"]!["contentType"] = "application/json; charset=utf-8";
        return node.ToJsonString();
    }
}
