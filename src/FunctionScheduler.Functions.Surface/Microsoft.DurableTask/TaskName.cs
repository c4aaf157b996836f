namespace Microsoft.DurableTask;

// Source: microsoft/durabletask-dotnet/src/Abstractions/TaskName.cs@380c622f7180
public readonly struct TaskName : IEquatable<TaskName>
{
    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskName.cs@380c622f7180
    // A null name yields default(TaskName), as in the real struct.
    public TaskName(string name)
    {
        Name = name!;
        Version = name is null ? null! : string.Empty;
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskName.cs@380c622f7180
    public TaskName(string name, string version)
    {
        Name = name!;
        Version = version;
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskName.cs@380c622f7180
    public string Name { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskName.cs@380c622f7180
    public string Version { get; }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskName.cs@380c622f7180
    public static implicit operator string(TaskName value) => value.Name;

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskName.cs@380c622f7180
    public static implicit operator TaskName(string value) => string.IsNullOrEmpty(value) ? default : new TaskName(value);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskName.cs@380c622f7180
    public static bool operator ==(TaskName a, TaskName b) => a.Equals(b);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskName.cs@380c622f7180
    public static bool operator !=(TaskName a, TaskName b) => !a.Equals(b);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskName.cs@380c622f7180
    // Names compare case-insensitively and the version is ignored, as in the real struct.
    public bool Equals(TaskName other) => string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskName.cs@380c622f7180
    public override bool Equals(object? obj) => obj is TaskName other && Equals(other);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskName.cs@380c622f7180
    public override int GetHashCode() => Name is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskName.cs@380c622f7180
    public override string ToString() => string.IsNullOrEmpty(Version) ? Name : Name + ":" + Version;
}
