namespace FunctionScheduler.Cli.Output;

/// <summary>How results are printed.</summary>
internal enum OutputFormat
{
    /// <summary>For people: tables and summaries.</summary>
    Table,

    /// <summary>For scripts: the API's own JSON representations.</summary>
    Json,
}
