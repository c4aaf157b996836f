using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FunctionScheduler.Core.Api.Representations;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Api;

// Export and import: every definition as JSON lines, each line a PUT body (secret values null, so importing a line
// back keeps the stored secrets under the PUT's rules); an import checks every line before it writes any.
public sealed partial class TasksApi
{
    /// <summary>Most lines one import may hold.</summary>
    public const int MaxImportLines = 1000;

    /// <summary>Tasks the export reads per request (tests make it small to see the paging).</summary>
    internal int ExportPageSize { get; set; } = TaskQuery.MaxPageSize;

    /// <summary>The rule of a line that passed the import's checks but could not be written (the task kept changing).</summary>
    public const string ImportConflictRule = "conflict";

    /// <summary>
    /// GET /api/tasks/export?group=&amp;state=: every definition (secret header values null, names kept) as JSON lines,
    /// in listing order, read a page at a time while it is written. 400 for a bad filter; the first page is read before
    /// the answer, so an unreachable index is a 503, not a cut stream.
    /// </summary>
    public async Task<ApiResponse> ExportAsync(ListParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var errors = (parameters with { PageSize = null, ContinuationToken = null }).Validate(out var query);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var first = await store.ListAsync(query with { PageSize = ExportPageSize }, cancellationToken);
        return new ApiResponse(200, new JsonLines(ExportLinesAsync(query, first, cancellationToken)));
    }

    /// <summary>
    /// POST /api/tasks/import?dryRun=: upserts one definition per line (a PUT of the line to its id; ids are
    /// required). Every line is read and checked first; if any breaks a rule, nothing is written and the answer is a
    /// 400 problem whose errors carry the line number. Otherwise 200 with what each line did (created, changed,
    /// unchanged) or, with dryRun=true, would do.
    /// </summary>
    public async Task<ApiResponse> ImportAsync(IAsyncEnumerable<JsonLine> lines, string? dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (dryRun is not (null or "true" or "false"))
        {
            return Problems.Validation("?dryRun", ValidationRules.OneOf, "dryRun is true or false.");
        }

        var planned = new List<PlannedLine>();
        var errors = new List<FieldError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            if (planned.Count + 1 > MaxImportLines)
            {
                errors.Add(new FieldError(string.Empty, ValidationRules.MaxItems, $"An import holds at most {MaxImportLines.ToString(CultureInfo.InvariantCulture)} lines; split it.") { Line = line.Number });
                break;
            }

            var (plan, problems) = await PlanLineAsync(line, seen, cancellationToken);
            planned.Add(plan);
            errors.AddRange(problems.Select(e => e with { Line = line.Number }));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var dry = dryRun == "true";
        var reports = new List<ImportLineReport>(planned.Count);
        foreach (var plan in planned)
        {
            reports.Add(dry || plan.Outcome == ImportOutcome.Unchanged ? plan.Report() : await ApplyLineAsync(plan, cancellationToken));
        }

        return new ApiResponse(200, new ImportReport
        {
            DryRun = dry,
            Created = reports.Count(r => r.Outcome == ImportOutcome.Created),
            Changed = reports.Count(r => r.Outcome == ImportOutcome.Changed),
            Unchanged = reports.Count(r => r.Outcome == ImportOutcome.Unchanged),
            Failed = reports.Count(r => r.Outcome == ImportOutcome.Failed),
            Lines = reports,
        });
    }

    private async IAsyncEnumerable<object> ExportLinesAsync(TaskQuery query, TaskPage first, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = first; ; page = await store.ListAsync(query with { PageSize = ExportPageSize, ContinuationToken = page.ContinuationToken }, cancellationToken))
        {
            foreach (var task in page.Items)
            {
                yield return TaskDefinition.From(task.Definition);
            }

            if (page.ContinuationToken is null)
            {
                yield break;
            }
        }
    }

    // Reads one line as a PUT of it to its own id would, and says what applying it would do.
    private async Task<(PlannedLine Plan, IReadOnlyList<FieldError> Errors)> PlanLineAsync(
        JsonLine line, Dictionary<string, int> seen, CancellationToken cancellationToken)
    {
        var body = line.Utf8Json.ToArray();
        if (IdOf(body, out var unreadable) is not { } id)
        {
            return (new PlannedLine(line.Number, string.Empty, body, ImportOutcome.Failed, null), [unreadable]);
        }

        if (!seen.TryAdd(id, line.Number))
        {
            return (new PlannedLine(line.Number, id, body, ImportOutcome.Failed, null),
                [new FieldError("/id", ValidationRules.Unique, $"Line {seen[id].ToString(CultureInfo.InvariantCulture)} imports '{id}' already.")]);
        }

        var existing = TaskId.IsValid(id) ? await store.GetAsync(id, cancellationToken) : null;
        var read = TaskDefinitionReader.Read(body, new DefinitionContext(id, existing?.Definition));
        if (!read.IsValid)
        {
            return (new PlannedLine(line.Number, id, body, ImportOutcome.Failed, null), read.Errors);
        }

        if (existing is null)
        {
            return (new PlannedLine(line.Number, id, body, ImportOutcome.Created, null), []);
        }

        var changes = DefinitionDiff.Changes(existing.Definition, read.Value);
        return (new PlannedLine(line.Number, id, body, changes.Count == 0 ? ImportOutcome.Unchanged : ImportOutcome.Changed, changes), []);
    }

    // Writes a checked line as a PUT: a task changed meanwhile is read again, and a line that no longer passes (its
    // kept secret gone, its group taken) fails alone.
    private async Task<ImportLineReport> ApplyLineAsync(PlannedLine plan, CancellationToken cancellationToken)
    {
        var answer = await PutAsync(plan.Id, plan.Body, existing => existing?.Definition, createIfMissing: true, cancellationToken);
        return answer.Body is ProblemDocument problem
            ? new ImportLineReport(plan.Line, plan.Id, ImportOutcome.Failed, Errors: problem.Errors?.Select(e => e with { Line = plan.Line }).ToList()
                ?? [new FieldError(string.Empty, ImportConflictRule, problem.Detail ?? problem.Title) { Line = plan.Line }])
            : plan.Report();
    }

    // The line's id, or why there is none. An import is repeatable only if each line names its task, so a line
    // without an id is refused rather than given a new one.
    private static string? IdOf(byte[] utf8Json, out FieldError error)
    {
        error = null!;
        if (JsonBody.Parse(utf8Json, out var unreadable) is not { } document)
        {
            error = unreadable;
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = new FieldError(string.Empty, ValidationRules.Type, "Each line is a JSON object: a task definition.");
                return null;
            }

            if (!root.TryGetProperty("id", out var id) || id.ValueKind == JsonValueKind.Null)
            {
                error = new FieldError("/id", ValidationRules.Required, "Each line of an import names its task's id.");
                return null;
            }

            if (id.ValueKind != JsonValueKind.String)
            {
                error = new FieldError("/id", ValidationRules.Type, "Must be a string.");
                return null;
            }

            return id.GetString();
        }
    }

    private sealed record PlannedLine(int Line, string Id, byte[] Body, ImportOutcome Outcome, IReadOnlyList<string>? Changes)
    {
        public ImportLineReport Report() => new(Line, Id, Outcome, Outcome == ImportOutcome.Changed ? Changes : null);
    }
}
