using System.CommandLine;
using System.Text.Json.Nodes;
using FunctionScheduler.Contracts;

namespace FunctionScheduler.Cli.Commands;

/// <summary>
/// "tasks preview ID" (a stored task's next occurrences) and "schedules preview --cron ..." (a schedule's, before a
/// task has it), over the API's preview routes: the same text and occurrences the dashboard shows.
/// </summary>
internal static class PreviewCommands
{
    /// <summary>tasks preview ID [--count N].</summary>
    public static Command TaskPreview(CommandRunner runner)
    {
        var id = new Argument<string>("id") { Description = "The task's id." };
        var count = CountOption();
        var command = new Command("preview", "List a task's next occurrences (local time and UTC, with daylight-saving notes).") { id, count };
        command.SetAction((result, ct) => runner.RunAsync(
            result,
            () => new CommandPlan(
                async (client, printer, token) => printer.Preview(await client.GetOccurrencesAsync(result.GetValue(id)!, result.GetValue(count), token)),
                pointer => pointer == "?count" ? count.Name : null),
            ct));
        return command;
    }

    /// <summary>schedules preview --cron/--interval/--at [--zone ...] [--count N] [--after INSTANT].</summary>
    public static Command Schedules(CommandRunner runner)
    {
        var flags = new DefinitionFlags(withId: false);
        var count = CountOption();
        var after = new Option<string>("--after") { Description = "List occurrences after this instant (default: now), e.g. 2026-03-28T00:00:00Z." };
        var preview = new Command("preview", "Say a schedule in words and list its next occurrences, checked as a task's schedule would be.") { count, after };
        foreach (var option in flags.ScheduleOptions)
        {
            preview.Options.Add(option);
        }

        preview.SetAction((result, ct) => runner.RunAsync(
            result,
            () =>
            {
                var body = new JsonObject { ["schedule"] = flags.ToDefinition(result)["schedule"]!.DeepClone() };
                if (result.GetValue(count) is { } n)
                {
                    body["count"] = n;
                }

                if (result.GetValue(after) is { } instant)
                {
                    body["after"] = instant;
                }

                // Sent as typed: the server checks every value and names the flag's pointer.
                var request = SchedulerJson.SerializeToUtf8Bytes(body);
                return new CommandPlan(
                    async (client, printer, token) => printer.Preview(await client.PreviewScheduleAsync(request, token)),
                    pointer => pointer switch
                    {
                        "/count" => count.Name,
                        "/after" => after.Name,
                        _ => flags.FlagFor(pointer),
                    });
            },
            ct));

        var schedules = new Command("schedules", "Work with schedules before a task has them.");
        schedules.Subcommands.Add(preview);
        return schedules;
    }

    private static Option<int?> CountOption() => new("--count") { Description = "How many occurrences, 1 to 100 (default 10)." };
}
