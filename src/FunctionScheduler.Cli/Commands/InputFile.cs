using System.Text;

namespace FunctionScheduler.Cli.Commands;

/// <summary>A --file the tool sends: a path, or '-' for standard input.</summary>
internal static class InputFile
{
    /// <summary>The bytes and the label errors use for them. Throws <see cref="CliUsageException"/> when unreadable.</summary>
    public static (byte[] Bytes, string Source) Read(string path, string flag, CliConsole console)
    {
        if (path == "-")
        {
            return (Encoding.UTF8.GetBytes(console.In.ReadToEnd()), "(stdin)");
        }

        try
        {
            return (File.ReadAllBytes(path), path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{flag}: cannot read '{path}': {exception.Message}");
        }
    }
}
