using System.CommandLine;
using FunctionScheduler.Cli.Connection;
using FunctionScheduler.Cli.Output;
using FunctionScheduler.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Cli.Commands;

/// <summary>
/// Runs one command's work with a client registered the library's documented way, and turns every failure into a
/// message on standard error and one of the <see cref="ExitCodes"/>.
/// </summary>
internal sealed class CommandRunner(CliConsole console, GlobalOptions globals)
{
    /// <summary>
    /// Runs the command that <paramref name="plan"/> prepares (reading a --file, say, which can fail as a usage
    /// error like everything else here).
    /// </summary>
    public async Task<int> RunAsync(ParseResult result, Func<CommandPlan> plan, CancellationToken cancellationToken)
    {
        var values = globals.Read(result);
        CommandPlan? prepared = null;
        try
        {
            prepared = plan();
            var services = new ServiceCollection();
            services.AddFunctionSchedulerClient(options => ConnectionSettings.Apply(options, values, console));
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<FunctionSchedulerClient>();
            await prepared.Work(client, new ResultPrinter(console, values.Output), cancellationToken);
            return ExitCodes.Ok;
        }
        catch (CliUsageException exception)
        {
            ErrorPrinter.Usage(console, exception.Message);
            return ExitCodes.Usage;
        }
        catch (OptionsValidationException exception)
        {
            foreach (var failure in exception.Failures)
            {
                ErrorPrinter.Usage(console, failure);
            }

            return ExitCodes.Usage;
        }
        catch (FunctionSchedulerException exception)
        {
            ErrorPrinter.Write(console, values.Output, exception, prepared?.FlagFor ?? (_ => null), prepared?.Source);
            return exception.IsValidation ? ExitCodes.Invalid : ExitCodes.ForStatus(exception.Status);
        }
    }
}
