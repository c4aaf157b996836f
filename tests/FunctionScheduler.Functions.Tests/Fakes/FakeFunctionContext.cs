using Microsoft.Azure.Functions.Worker;

namespace FunctionScheduler.Functions.Tests.Fakes;

/// <summary>The invocation context a function gets: its services and cancellation; the rest is never read by the app.</summary>
internal sealed class FakeFunctionContext(IServiceProvider services, CancellationToken cancellationToken = default) : FunctionContext
{
    private static int s_invocations;

    public override string InvocationId { get; } = $"invocation-{Interlocked.Increment(ref s_invocations)}";

    public override string FunctionId => "test";

    public override TraceContext TraceContext => throw new NotSupportedException();

    public override BindingContext BindingContext => throw new NotSupportedException();

    public override RetryContext RetryContext => throw new NotSupportedException();

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override IInvocationFeatures Features => throw new NotSupportedException();

    public override CancellationToken CancellationToken => cancellationToken;
}
