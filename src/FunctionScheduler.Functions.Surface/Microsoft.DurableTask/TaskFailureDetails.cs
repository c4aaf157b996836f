namespace Microsoft.DurableTask;

// Source: microsoft/durabletask-dotnet/src/Abstractions/TaskFailureDetails.cs@6a1f434ed30b
public record TaskFailureDetails(
    string ErrorType, string ErrorMessage, string? StackTrace, TaskFailureDetails? InnerFailure, IDictionary<string, object?>? Properties)
{
    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskFailureDetails.cs@6a1f434ed30b
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskFailureDetails.cs@6a1f434ed30b
    public bool IsCausedBy<T>()
        where T : Exception
        => IsCausedBy(typeof(T));

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskFailureDetails.cs@6a1f434ed30b
    // Loads ErrorType by name and tests assignability, so base exception types match; unknown types do not.
    public bool IsCausedBy(Type targetBaseExceptionType)
    {
        ArgumentNullException.ThrowIfNull(targetBaseExceptionType);
        if (!typeof(Exception).IsAssignableFrom(targetBaseExceptionType))
        {
            throw new ArgumentException($"{targetBaseExceptionType} is not an exception type.", nameof(targetBaseExceptionType));
        }

        if (string.IsNullOrEmpty(ErrorType))
        {
            return false;
        }

        Type? errorType = Type.GetType(ErrorType, throwOnError: false)
            ?? targetBaseExceptionType.Assembly.GetType(ErrorType, throwOnError: false)
            ?? AppDomain.CurrentDomain.GetAssemblies()
                .Select(assembly => assembly.GetType(ErrorType, throwOnError: false))
                .FirstOrDefault(type => type is not null);
        return errorType is not null && targetBaseExceptionType.IsAssignableFrom(errorType);
    }

    // Source: microsoft/durabletask-dotnet/src/Abstractions/TaskFailureDetails.cs@6a1f434ed30b
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        TaskFailureDetails? inner = exception.InnerException is null ? null : FromException(exception.InnerException);
        return new TaskFailureDetails(exception.GetType().ToString(), exception.Message, exception.StackTrace, inner, null);
    }
}
