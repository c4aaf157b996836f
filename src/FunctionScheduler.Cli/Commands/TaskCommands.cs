using System.CommandLine;
using FunctionScheduler.Contracts;

namespace FunctionScheduler.Cli.Commands;

/// <summary>The "tasks" noun and its verbs, one per route of the REST API.</summary>
internal static class TaskCommands
{
    private static readonly Func<string, string?> NoFlags = _ => null;

    public static Command Create(CommandRunner runner, CliConsole console)
    {
        var tasks = new Command("tasks", "Manage scheduled tasks.");
        tasks.Subcommands.Add(CreateCommand(runner, console));
        tasks.Subcommands.Add(PutCommand(runner, console));
        tasks.Subcommands.Add(IdCommand(runner, "get", "Read a task (secret header values are never returned).", (c, p, id, ct) => ShowAsync(p, c.GetTaskAsync(id, ct))));
        tasks.Subcommands.Add(ListCommand(runner));
        tasks.Subcommands.Add(IdCommand(runner, "delete", "Delete a task and its run history.", async (c, p, id, ct) =>
        {
            await c.DeleteTaskAsync(id, ct);
            p.Deleted(id);
        }));
        tasks.Subcommands.Add(IdCommand(runner, "pause", "Pause a task (idempotent): nothing scheduled fires until it is resumed.", (c, p, id, ct) => ShowAsync(p, c.PauseTaskAsync(id, ct), "Paused.")));
        tasks.Subcommands.Add(IdCommand(runner, "resume", "Resume a paused task (idempotent); the paused period is not replayed.", (c, p, id, ct) => ShowAsync(p, c.ResumeTaskAsync(id, ct), "Resumed.")));
        tasks.Subcommands.Add(IdCommand(runner, "run", "Fire a task once now, outside its schedule.", (c, p, id, ct) => ShowAsync(p, c.RunTaskNowAsync(id, ct), "Run requested.")));
        tasks.Subcommands.Add(RunsCommand(runner));
        tasks.Subcommands.Add(PreviewCommands.TaskPreview(runner));
        OperationCommands.AddTo(tasks, runner, console);
        return tasks;
    }

    private static Command CreateCommand(CommandRunner runner, CliConsole console)
    {
        var flags = new DefinitionFlags(withId: true);
        var command = new Command("create", "Create a task from flags (--cron/--interval/--at and --url, ...) or a --file. Never retried automatically.");
        flags.AddTo(command);
        command.SetAction((result, ct) => runner.RunAsync(
            result,
            () =>
            {
                var (body, source) = DefinitionBody.Read(result, flags, console);
                return new CommandPlan(async (client, printer, token) => printer.Task(await client.CreateTaskAsync(body, token), "Created."), flags.FlagFor, source);
            },
            ct));
        return command;
    }

    private static Command PutCommand(CommandRunner runner, CliConsole console)
    {
        var id = new Argument<string>("id") { Description = "The task's id." };
        var flags = new DefinitionFlags(withId: false);
        var command = new Command("put", "Create the task with this id, or replace its whole definition (flags left out take their defaults).") { id };
        flags.AddTo(command);
        command.SetAction((result, ct) => runner.RunAsync(
            result,
            () =>
            {
                var (body, source) = DefinitionBody.Read(result, flags, console);
                return new CommandPlan(
                    async (client, printer, token) =>
                    {
                        var task = await client.PutTaskAsync(result.GetValue(id)!, body, token);
                        printer.Task(task, task.State.Generation == 1 ? "Created." : "Replaced.");
                    },
                    flags.FlagFor,
                    source);
            },
            ct));
        return command;
    }

    private static Command ListCommand(CommandRunner runner)
    {
        var group = new Option<string>("--group") { Description = "Only tasks of this group." };
        var state = new Option<string>("--state") { Description = "Only tasks in this state." };
        state.AcceptOnlyFromAmong("active", "paused", "completed");
        var pageSize = new Option<int?>("--page-size") { Description = "Tasks fetched per request (every page is listed)." };
        var command = new Command("list", "List tasks, every page.") { group, state, pageSize };
        var flags = QueryFlags(group, state, pageSize);
        command.SetAction((result, ct) => runner.RunAsync(
            result,
            () => new CommandPlan(
                (client, printer, token) => printer.TasksAsync(
                    client.GetTasksAsync(result.GetValue(group), Enum.TryParse<TaskLifecycle>(result.GetValue(state), ignoreCase: true, out var s) ? s : null, result.GetValue(pageSize), token),
                    token),
                flags),
            ct));
        return command;
    }

    private static Command RunsCommand(CommandRunner runner)
    {
        var id = new Argument<string>("id") { Description = "The task's id." };
        var limit = new Option<int?>("--limit") { Description = "At most this many runs, newest first (default: all)." };
        limit.Validators.Add(option =>
        {
            if (option.GetValueOrDefault<int?>() is < 1)
            {
                option.AddError("--limit must be at least 1.");
            }
        });
        var pageSize = new Option<int?>("--page-size") { Description = "Runs fetched per request." };
        var command = new Command("runs", "List a task's runs, newest first.") { id, limit, pageSize };
        var flags = QueryFlags(null, null, pageSize);
        command.SetAction((result, ct) => runner.RunAsync(
            result,
            () => new CommandPlan(
                (client, printer, token) => printer.RunsAsync(client.GetRunsAsync(result.GetValue(id)!, result.GetValue(pageSize), token), result.GetValue(limit), token),
                flags),
            ct));
        return command;
    }

    private static Command IdCommand(CommandRunner runner, string name, string description, Func<Client.FunctionSchedulerClient, Output.ResultPrinter, string, CancellationToken, Task> work)
    {
        var id = new Argument<string>("id") { Description = "The task's id." };
        var command = new Command(name, description) { id };
        command.SetAction((result, ct) => runner.RunAsync(
            result,
            () => new CommandPlan((client, printer, token) => work(client, printer, result.GetValue(id)!, token), NoFlags),
            ct));
        return command;
    }

    private static async Task ShowAsync(Output.ResultPrinter printer, Task<TaskRepresentation> call, string? headline = null) =>
        printer.Task(await call, headline);

    // Listing parameters come back as "?name" pointers.
    private static Func<string, string?> QueryFlags(Option? group, Option? state, Option pageSize) => pointer => pointer switch
    {
        "?group" => group?.Name,
        "?state" => state?.Name,
        "?pageSize" => pageSize.Name,
        _ => null,
    };
}
