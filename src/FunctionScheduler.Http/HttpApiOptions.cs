using System.ComponentModel.DataAnnotations;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Http;

/// <summary>The HTTP layer's settings, the same on both hosts (configuration section <c>Scheduler:Http</c>).</summary>
public sealed class HttpApiOptions
{
    public const string SectionName = "Scheduler:Http";

    /// <summary>
    /// Largest request body accepted; larger ones get 413. At most the contract's 1 MiB, which is also the core
    /// reader's own bound, so a smaller setting only tightens it.
    /// </summary>
    [Range(1024, DefinitionLimits.MaxDocumentBytes)]
    public int MaxRequestBodyBytes { get; set; } = DefinitionLimits.MaxDocumentBytes;

    /// <summary>
    /// Largest import body (JSON lines); larger ones get 413. Each line is still held to the contract's 1 MiB, and an
    /// import to 1000 lines; the default fits 1000 definitions of 16 KiB.
    /// </summary>
    [Range(1024, MaxImportBodyLimit)]
    public int MaxImportBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The highest <see cref="MaxImportBodyBytes"/> may be set: 64 MiB.</summary>
    public const int MaxImportBodyLimit = 64 * 1024 * 1024;
}
