using System.Text.Json;
using FunctionScheduler.Client;
using FunctionScheduler.Contracts;

namespace FunctionScheduler.Cli.Output;

/// <summary>
/// Prints a failure on standard error: for people, one line per broken rule against the flag (or, for --file,
/// the JSON pointer into the file) it concerns; with --output json, the problem document itself.
/// </summary>
internal static class ErrorPrinter
{
    private static readonly JsonSerializerOptions Indented = new(SchedulerJson.Options) { WriteIndented = true };

    /// <param name="console">Where to write.</param>
    /// <param name="format">The --output format.</param>
    /// <param name="exception">The failure.</param>
    /// <param name="flagFor">The flag that fills a JSON pointer or query parameter, or null.</param>
    /// <param name="source">The --file the body came from, if it did.</param>
    public static void Write(CliConsole console, OutputFormat format, FunctionSchedulerException exception, Func<string, string?> flagFor, string? source)
    {
        if (format == OutputFormat.Json)
        {
            var problem = exception.Problem ?? new ProblemDocument { Title = exception.Message, Status = exception.Status };
            console.Error.WriteLine(JsonSerializer.Serialize(problem, Indented));
            return;
        }

        // With field errors the title says enough: the list below carries every detail.
        console.Error.WriteLine("error: " + (exception.Problem is { Errors.Count: > 0 } invalid ? $"{invalid.Status} {invalid.Title}" : exception.Message));
        foreach (var error in exception.Errors)
        {
            var line = error.Line is { } number ? $"line {number.ToString(System.Globalization.CultureInfo.InvariantCulture)} " : string.Empty;
            console.Error.WriteLine($"  {line}{Label(error.Pointer, flagFor, error.Line is null ? source : null)}: {error.Message} [{error.Rule}]");
        }
    }

    public static void Usage(CliConsole console, string message) => console.Error.WriteLine("error: " + message);

    private static string Label(string pointer, Func<string, string?> flagFor, string? source)
    {
        var place = pointer.Length == 0 ? "(the whole body)" : pointer;
        return source is not null ? $"{source} {place}"
            : flagFor(pointer) is { } flag ? $"{flag} ({place})"
            : place;
    }
}
