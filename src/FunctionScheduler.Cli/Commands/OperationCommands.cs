using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionScheduler.Cli.Output;
using FunctionScheduler.Client;
using FunctionScheduler.Contracts;

namespace FunctionScheduler.Cli.Commands;

/// <summary>The verbs that operate a task over time: backfill, versions, restore, export and import.</summary>
internal static class OperationCommands
{
    private static readonly TimeSpan WaitPoll = TimeSpan.FromSeconds(1);

    public static void AddTo(Command tasks, CommandRunner runner, CliConsole console)
    {
        tasks.Subcommands.Add(BackfillCommand(runner));
        tasks.Subcommands.Add(VersionsCommand(runner));
        tasks.Subcommands.Add(RestoreCommand(runner));
        tasks.Subcommands.Add(ExportCommand(runner, console));
        tasks.Subcommands.Add(ImportCommand(runner, console));
    }

    private static Command BackfillCommand(CommandRunner runner)
    {
        var id = new Argument<string>("id") { Description = "The task's id." };
        var from = new Option<string>("--from") { Description = "Start of the past window, with an offset (included), e.g. 2026-03-01T00:00:00Z." };
        var to = new Option<string>("--to") { Description = "End of the window (included), not after now." };
        var limit = new Option<int?>("--limit") { Description = "Fire at most this many occurrences (those already recorded do not count)." };
        var retryFailed = new Option<bool>("--retry-failed") { Description = "Fire again the occurrences whose only run failed." };
        var wait = new Option<bool>("--wait") { Description = "Wait until the backfill has ended, then show it." };
        var status = new Option<bool>("--status") { Description = "Show the task's latest backfill instead of starting one." };
        var cancel = new Option<bool>("--cancel") { Description = "Cancel the running backfill instead of starting one." };
        var command = new Command("backfill", "Fire the occurrences of a past window of the task's schedule, oldest first, one at a time; or show (--status) or cancel (--cancel) the latest.")
        {
            id, from, to, limit, retryFailed, wait, status, cancel,
        };
        var flags = FlagsOf(("/from", from), ("/to", to), ("/limit", limit), ("/retryFailed", retryFailed));
        command.SetAction((result, ct) => runner.RunAsync(
            result,
            () =>
            {
                var task = result.GetValue(id)!;
                var starting = result.GetResult(from) is not null || result.GetResult(to) is not null || result.GetResult(limit) is not null || result.GetValue(retryFailed);
                if ((result.GetValue(status) ? 1 : 0) + (result.GetValue(cancel) ? 1 : 0) + (starting ? 1 : 0) > 1)
                {
                    throw new CliUsageException("Give --from and --to (with --limit, --retry-failed), or --status, or --cancel.");
                }

                if (result.GetValue(cancel))
                {
                    return new CommandPlan(async (client, printer, token) => printer.Backfill(await client.CancelBackfillAsync(task, token), "Canceled."), flags);
                }

                if (!starting || result.GetValue(status))
                {
                    return new CommandPlan(async (client, printer, token) => printer.Backfill(await WaitAsync(client, task, result.GetValue(wait), token)), flags);
                }

                var body = new JsonObject { ["from"] = result.GetValue(from), ["to"] = result.GetValue(to) };
                if (result.GetValue(limit) is { } cap)
                {
                    body["limit"] = cap;
                }

                if (result.GetValue(retryFailed))
                {
                    body["retryFailed"] = true;
                }

                return new CommandPlan(
                    async (client, printer, token) =>
                    {
                        var started = await client.StartBackfillAsync(task, Encoding.UTF8.GetBytes(body.ToJsonString()), token);
                        printer.Backfill(result.GetValue(wait) ? await WaitAsync(client, task, wait: true, token) : started, "Backfill started.");
                    },
                    flags);
            },
            ct));
        return command;
    }

    private static Command VersionsCommand(CommandRunner runner)
    {
        var id = new Argument<string>("id") { Description = "The task's id." };
        var version = new Option<long?>("--version") { Description = "Show this version with its definition (secret values are never returned)." };
        var command = new Command("versions", "List the task's definition versions, newest first, with what each changed; or show one.") { id, version };
        command.SetAction((result, ct) => runner.RunAsync(
            result,
            () => new CommandPlan(
                async (client, printer, token) =>
                {
                    if (result.GetValue(version) is { } number)
                    {
                        printer.Version(await client.GetVersionAsync(result.GetValue(id)!, number, token));
                    }
                    else
                    {
                        printer.Versions(await client.GetVersionsAsync(result.GetValue(id)!, token));
                    }
                },
                _ => null),
            ct));
        return command;
    }

    private static Command RestoreCommand(CommandRunner runner)
    {
        var id = new Argument<string>("id") { Description = "The task's id." };
        var version = new Argument<long>("version") { Description = "The version to make current again." };
        var command = new Command("restore", "Make a kept version's definition current again, as a new version (its secrets only for the origin they were given for).") { id, version };
        command.SetAction((result, ct) => runner.RunAsync(
            result,
            () => new CommandPlan(
                async (client, printer, token) =>
                {
                    var task = await client.RestoreVersionAsync(result.GetValue(id)!, result.GetValue(version), token);
                    printer.Task(task, $"Restored version {result.GetValue(version)} as version {task.State.Generation}.");
                },
                _ => null),
            ct));
        return command;
    }

    private static Command ExportCommand(CommandRunner runner, CliConsole console)
    {
        var group = new Option<string>("--group") { Description = "Only tasks of this group." };
        var state = new Option<string>("--state") { Description = "Only tasks in this state." };
        state.AcceptOnlyFromAmong("active", "paused", "completed");
        var file = new Option<string>("--file", "-f") { Description = "Write the JSON lines to this file instead of standard output." };
        var command = new Command("export", "Write every task definition as JSON lines (secret header values null), for import elsewhere.") { group, state, file };
        command.SetAction((result, ct) => runner.RunAsync(
            result,
            () => new CommandPlan(
                async (client, printer, token) =>
                {
                    var lifecycle = Enum.TryParse<TaskLifecycle>(result.GetValue(state), ignoreCase: true, out var s) ? s : (TaskLifecycle?)null;
                    var definitions = client.ExportTasksAsync(result.GetValue(group), lifecycle, token);
                    if (result.GetValue(file) is not { } path)
                    {
                        await WriteLinesAsync(console.Out, definitions, token);
                        return;
                    }

                    await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                    printer.Exported(await WriteLinesAsync(writer, definitions, token), path);
                },
                pointer => pointer switch { "?group" => group.Name, "?state" => state.Name, _ => null }),
            ct));
        return command;
    }

    private static Command ImportCommand(CommandRunner runner, CliConsole console)
    {
        var file = new Option<string>("--file", "-f") { Description = "JSON lines, one definition (with its id) per line, as export writes them; '-' reads standard input.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Report what would be created, changed or left alone; write nothing." };
        var command = new Command("import", "Create or replace the tasks of a JSON-lines file; every line is checked before any is written.") { file, dryRun };
        command.SetAction((result, ct) => runner.RunAsync(
            result,
            () =>
            {
                var (body, source) = InputFile.Read(result.GetValue(file)!, file.Name, console);
                return new CommandPlan(
                    async (client, printer, token) => printer.Imported(await client.ImportTasksAsync(body, result.GetValue(dryRun), token)),
                    pointer => pointer == "?dryRun" ? dryRun.Name : null,
                    source);
            },
            ct));
        return command;
    }

    private static async Task<BackfillRepresentation> WaitAsync(FunctionSchedulerClient client, string id, bool wait, CancellationToken cancellationToken)
    {
        var backfill = await client.GetBackfillAsync(id, cancellationToken);
        while (wait && backfill.Status == BackfillStatus.Running)
        {
            await Task.Delay(WaitPoll, cancellationToken);
            backfill = await client.GetBackfillAsync(id, cancellationToken);
        }

        return backfill;
    }

    private static async Task<int> WriteLinesAsync(TextWriter writer, IAsyncEnumerable<TaskDefinition> definitions, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var definition in definitions.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(JsonSerializer.Serialize(definition, SchedulerJson.Options) + "\n");
            count++;
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    private static Func<string, string?> FlagsOf(params (string Pointer, Option Option)[] flags) =>
        pointer => flags.FirstOrDefault(f => f.Pointer == pointer).Option?.Name;
}
