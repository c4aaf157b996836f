using System.Net;

namespace FunctionScheduler.Core.Targets;

/// <summary>
/// Thrown by the outbound guard, before any connection, when a target host resolves to no allowed address.
/// HttpClient wraps it in an <see cref="System.Net.Http.HttpRequestException"/>; the invoker unwraps it.
/// </summary>
public sealed class TargetRefusedException : Exception
{
    /// <summary>A refusal without details.</summary>
    public TargetRefusedException()
    {
        Host = "";
    }

    /// <summary>A refusal described by <paramref name="message"/>.</summary>
    public TargetRefusedException(string message)
        : base(message)
    {
        Host = "";
    }

    /// <summary>A refusal described by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public TargetRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Host = "";
    }

    /// <summary>A refusal of <paramref name="host"/>, whose first refused address was <paramref name="address"/>.</summary>
    public TargetRefusedException(string host, IPAddress? address, string message)
        : base(message)
    {
        Host = host;
        Address = address;
    }

    /// <summary>The host of the refused target.</summary>
    public string Host { get; }

    /// <summary>The first address refused, if the host resolved at all.</summary>
    public IPAddress? Address { get; }

    /// <summary>The refusal inside <paramref name="exception"/>'s chain of inner exceptions, if any.</summary>
    public static TargetRefusedException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is TargetRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
