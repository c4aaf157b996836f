using System.Diagnostics.CodeAnalysis;

namespace Microsoft.DurableTask;

// Source: microsoft/durabletask-dotnet/src/Abstractions/DataConverter.cs@19a7ae797f59
public abstract class DataConverter
{
    // Source: microsoft/durabletask-dotnet/src/Abstractions/DataConverter.cs@19a7ae797f59
    [return: NotNullIfNotNull(nameof(value))]
    public abstract string? Serialize(object? value);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/DataConverter.cs@19a7ae797f59
    [return: NotNullIfNotNull(nameof(data))]
    public abstract object? Deserialize(string? data, Type targetType);

    // Source: microsoft/durabletask-dotnet/src/Abstractions/DataConverter.cs@19a7ae797f59
    [return: NotNullIfNotNull(nameof(data))]
    public virtual T? Deserialize<T>(string? data) => (T?)Deserialize(data, typeof(T));
}
