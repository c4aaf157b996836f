using System.Globalization;
using System.Text.Json;
using FunctionScheduler.Contracts;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace FunctionScheduler.Cli.Output;

/// <summary>Prints results on standard output: the API's JSON for scripts, tables for people.</summary>
internal sealed partial class ResultPrinter(CliConsole console, OutputFormat format)
{
    private static readonly JsonSerializerOptions Indented = new(SchedulerJson.Options) { WriteIndented = true };

    private readonly IAnsiConsole _table = TableConsole(console.Out);

    public void Task(TaskRepresentation task, string? headline = null)
    {
        if (format == OutputFormat.Json)
        {
            WriteJson(task);
            return;
        }

        if (headline is not null)
        {
            console.Out.WriteLine(headline);
        }

        var grid = new Grid().AddColumn().AddColumn();
        foreach (var (name, value) in TaskText.Fields(task))
        {
            grid.AddRow(new Text(name), new Text(value));
        }

        _table.Write(grid);
    }

    public async Task TasksAsync(IAsyncEnumerable<TaskRepresentation> tasks, CancellationToken cancellationToken)
    {
        var all = await ToListAsync(tasks, limit: null, cancellationToken);
        if (format == OutputFormat.Json)
        {
            WriteJson(all);
            return;
        }

        // The index lists by storage partition (not alphabetically); a person reads a table sorted by group and id.
        var table = Table("Id", "Group", "State", "Schedule", "Next fire", "Last run");
        foreach (var task in all.OrderBy(t => t.Group, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            Row(table, task.Id, task.Group, TaskText.Lifecycle(task.State), TaskText.Schedule(task.Schedule), TaskText.Instant(task.State.NextFireAt), TaskText.LastRun(task.State.LastRun));
        }

        _table.Write(table);
        console.Out.WriteLine(all.Count == 1 ? "1 task" : $"{all.Count.ToString(CultureInfo.InvariantCulture)} tasks");
    }

    public async Task RunsAsync(IAsyncEnumerable<RunRepresentation> runs, int? limit, CancellationToken cancellationToken)
    {
        var all = await ToListAsync(runs, limit, cancellationToken);
        if (format == OutputFormat.Json)
        {
            WriteJson(all);
            return;
        }

        var table = Table("Run id", "Kind", "Scheduled at", "Status", "HTTP", "Attempts", "Duration", "Error");
        foreach (var run in all)
        {
            Row(
                table,
                run.RunId,
                TaskText.Name(run.Kind),
                TaskText.Instant(run.ScheduledAt),
                run.MissedCount is { } missed ? $"missed ({missed.ToString(CultureInfo.InvariantCulture)})" : TaskText.Name(run.Status),
                run.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? "-",
                run.Attempts.ToString(CultureInfo.InvariantCulture),
                run.DurationMs is { } ms ? $"{ms.ToString(CultureInfo.InvariantCulture)} ms" : "-",
                run.Error + (run.Notification is { } notification ? $" [notified: {TaskText.Name(notification.Status)}]" : string.Empty));
        }

        _table.Write(table);
    }

    public void Preview(SchedulePreviewRepresentation preview)
    {
        if (format == OutputFormat.Json)
        {
            WriteJson(preview);
            return;
        }

        console.Out.WriteLine(preview.ScheduleText);
        var table = Table("#", $"Local ({preview.TimeZone})", "Fires (UTC)", "Note");
        var number = 0;
        foreach (var occurrence in preview.Occurrences)
        {
            number++;
            Row(table, number.ToString(CultureInfo.InvariantCulture), occurrence.Local, TaskText.Instant(occurrence.FireAt), occurrence.Note ?? string.Empty);
        }

        _table.Write(table);
        if (preview.Occurrences.Count == 0)
        {
            console.Out.WriteLine("No further occurrences.");
        }
    }

    public void Deleted(string id)
    {
        if (format == OutputFormat.Json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(new { id, deleted = true }, Indented));
            return;
        }

        console.Out.WriteLine($"Deleted task {id} and its run history.");
    }

    private static IAnsiConsole TableConsole(TextWriter output)
    {
        var table = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        table.Profile.Width = TerminalWidth();
        return table;
    }

    // Piped output is read by programs and wide screens: no wrapping at a guessed 80 columns.
    private static int TerminalWidth()
    {
        const int Piped = 240;
        try
        {
            return Console.IsOutputRedirected || Console.WindowWidth <= 0 ? Piped : Console.WindowWidth;
        }
        catch (IOException)
        {
            return Piped;
        }
    }

    private void WriteJson<T>(T value) => console.Out.WriteLine(JsonSerializer.Serialize(value, Indented));

    private static Table Table(params string[] columns)
    {
        var table = new Table { Border = TableBorder.Simple };
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column)));
        }

        return table;
    }

    // Text, not markup: ids, URLs and errors may hold '[' and ']'.
    private static void Row(Table table, params string[] cells) =>
        table.AddRow(cells.Select(cell => (IRenderable)new Text(cell)).ToArray());

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items, int? limit, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            if (list.Count == limit)
            {
                break;
            }

            list.Add(item);
        }

        return list;
    }
}
