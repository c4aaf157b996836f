using FunctionScheduler.Cli.Output;
using FunctionScheduler.Client;

namespace FunctionScheduler.Cli.Commands;

/// <summary>What a command does with the client, and how its field errors are labelled.</summary>
/// <param name="Work">The calls and the printing.</param>
/// <param name="FlagFor">The flag that fills a JSON pointer or query parameter, or null when none does.</param>
/// <param name="Source">The --file the request body came from, if it did: errors are labelled by pointer into it.</param>
internal sealed record CommandPlan(
    Func<FunctionSchedulerClient, ResultPrinter, CancellationToken, Task> Work,
    Func<string, string?> FlagFor,
    string? Source = null);
