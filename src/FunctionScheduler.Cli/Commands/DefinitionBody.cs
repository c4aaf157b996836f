using System.CommandLine;
using FunctionScheduler.Contracts;

namespace FunctionScheduler.Cli.Commands;

/// <summary>The request body of create or put: a --file as-is, or the definition the flags describe.</summary>
internal static class DefinitionBody
{
    /// <summary>The body, and the file it came from (null for flags). Throws <see cref="CliUsageException"/> for unusable input.</summary>
    public static (ReadOnlyMemory<byte> Body, string? Source) Read(ParseResult result, DefinitionFlags flags, CliConsole console)
    {
        if (result.GetValue(flags.File) is not { } path)
        {
            return (SchedulerJson.SerializeToUtf8Bytes(flags.ToDefinition(result)), null);
        }

        if (flags.AnyGiven(result))
        {
            throw new CliUsageException($"{flags.File.Name} sends the whole definition; give either it or definition flags, not both.");
        }

        return InputFile.Read(path, flags.File.Name, console);
    }
}
