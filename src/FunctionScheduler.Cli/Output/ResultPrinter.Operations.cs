using System.Globalization;
using System.Text.Json;
using FunctionScheduler.Contracts;
using Spectre.Console;

namespace FunctionScheduler.Cli.Output;

// Backfills, versions, exports and imports: the API's JSON for scripts, tables for people.
internal sealed partial class ResultPrinter
{
    public void Backfill(BackfillRepresentation backfill, string? headline = null)
    {
        if (format == OutputFormat.Json)
        {
            WriteJson(backfill);
            return;
        }

        if (headline is not null)
        {
            console.Out.WriteLine(headline);
        }

        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow(new Text("Window"), new Text($"{TaskText.Instant(backfill.From)} .. {TaskText.Instant(backfill.To)}"));
        grid.AddRow(new Text("Status"), new Text(TaskText.Name(backfill.Status)));
        grid.AddRow(new Text("Occurrences"), new Text(backfill.Occurrences.ToString(CultureInfo.InvariantCulture) + (backfill.Limit is { } limit ? $" (limit {limit.ToString(CultureInfo.InvariantCulture)})" : string.Empty)));
        grid.AddRow(new Text("Fired"), new Text(backfill.Fired.ToString(CultureInfo.InvariantCulture)));
        grid.AddRow(new Text("Skipped"), new Text(backfill.Skipped.ToString(CultureInfo.InvariantCulture) + " (already recorded)"));
        grid.AddRow(new Text("Through"), new Text(TaskText.Instant(backfill.Through)));
        grid.AddRow(new Text("Requested"), new Text(TaskText.Instant(backfill.RequestedAt)));
        grid.AddRow(new Text("Ended"), new Text(TaskText.Instant(backfill.EndedAt)));
        _table.Write(grid);
    }

    public void Versions(IReadOnlyList<TaskVersionRepresentation> versions)
    {
        if (format == OutputFormat.Json)
        {
            WriteJson(versions);
            return;
        }

        var table = Table("Version", "Current", "Saved at", "Changes");
        foreach (var version in versions)
        {
            Row(table, version.Version.ToString(CultureInfo.InvariantCulture), version.Current ? "yes" : string.Empty, TaskText.Instant(version.SavedAt), Changes(version.Changes));
        }

        _table.Write(table);
    }

    public void Version(TaskVersionRepresentation version)
    {
        if (format == OutputFormat.Json)
        {
            WriteJson(version);
            return;
        }

        console.Out.WriteLine($"Version {version.Version.ToString(CultureInfo.InvariantCulture)}{(version.Current ? " (current)" : string.Empty)}, saved {TaskText.Instant(version.SavedAt)}; changes: {Changes(version.Changes)}");
        console.Out.WriteLine(JsonSerializer.Serialize(version.Definition, Indented));
    }

    public void Exported(int count, string path)
    {
        if (format == OutputFormat.Json)
        {
            console.Out.WriteLine(JsonSerializer.Serialize(new { exported = count, file = path }, Indented));
            return;
        }

        console.Out.WriteLine($"Exported {count.ToString(CultureInfo.InvariantCulture)} task{(count == 1 ? string.Empty : "s")} to {path}.");
    }

    public void Imported(ImportReport report)
    {
        if (format == OutputFormat.Json)
        {
            WriteJson(report);
            return;
        }

        var table = Table("Line", "Id", report.DryRun ? "Would be" : "Outcome", "Changes");
        foreach (var line in report.Lines)
        {
            var detail = line.Errors is { Count: > 0 } errors ? string.Join("; ", errors.Select(e => $"{e.Pointer} {e.Message}")) : Changes(line.Changes);
            Row(table, line.Line.ToString(CultureInfo.InvariantCulture), line.Id, TaskText.Name(line.Outcome), detail);
        }

        _table.Write(table);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(report.DryRun ? "Dry run, nothing written: " : string.Empty)}{report.Created} created, {report.Changed} changed, {report.Unchanged} unchanged{(report.Failed > 0 ? $", {report.Failed} failed" : string.Empty)}."));
    }

    private static string Changes(IReadOnlyList<string>? changes) =>
        changes is null ? "(unknown)" : changes.Count == 0 ? "-" : string.Join(", ", changes);
}
