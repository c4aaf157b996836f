namespace FunctionScheduler.Core.Storage;

/// <summary>A create named an id that already exists (in any group).</summary>
public sealed class TaskAlreadyExistsException : Exception
{
    public TaskAlreadyExistsException()
    {
    }

    public TaskAlreadyExistsException(string message)
        : base(message)
    {
    }

    public TaskAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
