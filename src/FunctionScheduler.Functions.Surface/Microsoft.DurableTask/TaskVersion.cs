namespace Microsoft.DurableTask;

// Source: microsoft/durabletask-dotnet/src/Abstractions/TaskVersion.cs@db01a1e4d286
public readonly struct TaskVersion : IEquatable<TaskVersion>
{
    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskVersion.cs@db01a1e4d286
    public TaskVersion(string version)
    {
        Version = version;
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskVersion.cs@db01a1e4d286
    public string Version { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskVersion.cs@db01a1e4d286
    public static implicit operator string(TaskVersion value) => value.Version;

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskVersion.cs@db01a1e4d286
    public static implicit operator TaskVersion(string value) => new(value);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskVersion.cs@db01a1e4d286
    public static bool operator ==(TaskVersion a, TaskVersion b) => a.Equals(b);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskVersion.cs@db01a1e4d286
    public static bool operator !=(TaskVersion a, TaskVersion b) => !a.Equals(b);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskVersion.cs@db01a1e4d286
    public bool Equals(TaskVersion other) => string.Equals(Version, other.Version, StringComparison.OrdinalIgnoreCase);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskVersion.cs@db01a1e4d286
    public override bool Equals(object? obj) => obj is TaskVersion other && Equals(other);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskVersion.cs@db01a1e4d286
    public override int GetHashCode() => Version is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Version);
}
