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
}
