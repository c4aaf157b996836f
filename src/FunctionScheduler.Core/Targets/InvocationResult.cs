using FunctionScheduler.Core.Model;

namespace FunctionScheduler.Core.Targets;

/// <summary>What a fire's HTTP call came to, across all its attempts.</summary>
public sealed record InvocationResult
{
    /// <summary><see cref="RunStatus.Succeeded"/> or <see cref="RunStatus.Failed"/>.</summary>
    public required RunStatus Status { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>Attempts made; 0 when the target was refused before any request.</summary>
    public required int Attempts { get; init; }

    /// <summary>Status of the last response received, if any.</summary>
    public int? HttpStatus { get; init; }

    public RunErrorClass ErrorClass { get; init; }

    /// <summary>A short description of the last error, safe to show users.</summary>
    public string? Error { get; init; }

    /// <summary>The start of the last response body, at most <see cref="RunRecord.MaxSnippetLength"/> characters.</summary>
    public string? ResponseSnippet { get; init; }

    /// <summary>The ids of the signing keys the sent requests were signed with, each once, in order of first use; empty when none was sent.</summary>
    public IReadOnlyList<string> SigningKeyIds { get; init; } = [];

    public TimeSpan Duration => CompletedAt - StartedAt;
}
