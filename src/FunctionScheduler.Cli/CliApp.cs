using System.CommandLine;
using FunctionScheduler.Cli.Commands;
using FunctionScheduler.Cli.Output;

namespace FunctionScheduler.Cli;

/// <summary>fsched: nouns then verbs (<c>fsched tasks create ...</c>), kebab-case flags, documented exit codes.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("fsched: manage FunctionScheduler tasks on the standalone host or the Azure Functions app.");
        globals.AddTo(root);
        var runner = new CommandRunner(console, globals);
        root.Subcommands.Add(TaskCommands.Create(runner, console));
        root.Subcommands.Add(PreviewCommands.Schedules(runner));

        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                ErrorPrinter.Usage(console, error.Message);
            }

            console.Error.WriteLine($"Run '{CommandPath(result)} --help' for usage.");
            return ExitCodes.Usage;
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);
    }

    private static string CommandPath(ParseResult result)
    {
        var names = new List<string>();
        for (var command = result.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, command.Command is RootCommand ? "fsched" : command.Command.Name);
        }

        return string.Join(' ', names);
    }
}
