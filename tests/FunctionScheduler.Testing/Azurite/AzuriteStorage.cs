using System.Globalization;
using System.Text.RegularExpressions;

namespace FunctionScheduler.Testing.Azurite;

/// <summary>
/// The Azurite instance scripts/test.sh starts for a test run, and unique table prefixes so that test classes and
/// parallel runs never share tables.
/// </summary>
public static class AzuriteStorage
{
    /// <summary>Holds the connection string of the run's Azurite (set by scripts/test.sh).</summary>
    public const string EnvironmentVariable = "FUNCTIONSCHEDULER_TEST_STORAGE";

    /// <summary>
    /// The connection string. Throws (the test fails, it is not skipped) when the variable is missing: these tests
    /// are meant to run against real storage.
    /// </summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set: run the tests through scripts/test.sh, which starts Azurite. " +
                $"For a quick loop, run 'bash scripts/azurite.sh run' in another terminal and export the " +
                $"{EnvironmentVariable} line it prints.");

    /// <summary>
    /// The run's connection string with its table endpoint moved to <paramref name="tablePort"/> on 127.0.0.1: a
    /// storage account that does not answer (a <c>SilentListener</c>) or refuses connections (a closed port).
    /// </summary>
    public static string ConnectionStringOnPort(int tablePort) =>
        Regex.Replace(ConnectionString, @"TableEndpoint=http://127\.0\.0\.1:\d+/", $"TableEndpoint=http://127.0.0.1:{tablePort}/");

    /// <summary>
    /// The storage deadline (Scheduler:Storage:RequestTimeout) for tests that are not about it. Production's 4 s is
    /// a bound on a healthy service; here Azurite shares two cores with the whole suite and, starved, has been seen
    /// to take longer than that for a single insert. The deadline's own tests set theirs explicitly.
    /// </summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary><see cref="RequestTimeout"/> as a configuration value (Scheduler:Storage:RequestTimeout).</summary>
    public static string RequestTimeoutSetting => RequestTimeout.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>A table prefix no other test class or run uses: "t", then up to 16 letters/digits of the hint, then 16 random hex digits.</summary>
    public static string NewTablePrefix(string? hint = null)
    {
        var letters = new string((hint ?? string.Empty).Where(char.IsAsciiLetterOrDigit).Take(16).ToArray());
        return "t" + letters + Guid.NewGuid().ToString("N")[..16];
    }
}
