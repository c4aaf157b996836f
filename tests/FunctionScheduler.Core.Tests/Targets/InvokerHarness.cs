using System.Diagnostics.Metrics;
using Azure.Core;
using FunctionScheduler.Core.DependencyInjection;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Targets.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace FunctionScheduler.Core.Tests.Targets;

/// <summary>The invoker as a runtime gets it from DI, with loopback allow-listed unless a test says otherwise.</summary>
internal sealed class InvokerHarness : IDisposable
{
    public const string Secret = "test-signing-secret-0123456789abcdef";
    public const string KeyId = "test-key-1";

    /// <summary>A fixed nominal instant for every test occurrence.</summary>
    public static readonly DateTimeOffset ScheduledAt = new(2025, 3, 30, 1, 30, 0, TimeSpan.Zero);

    /// <summary>Quick retries so that real-time tests stay short.</summary>
    public static readonly TargetRetryPolicy FastRetry = new()
    {
        MaxAttempts = 3,
        InitialDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(50),
        MaxDuration = TimeSpan.FromSeconds(10),
    };

    private readonly ServiceProvider _services;

    public InvokerHarness(params string[] allowedNetworks)
        : this(null, allowedNetworks)
    {
    }

    /// <summary>A harness whose invoker reads <paramref name="timeProvider"/> (the system clock when null).</summary>
    public InvokerHarness(TimeProvider? timeProvider, params string[] allowedNetworks)
        : this(timeProvider, signing: null, credential: null, allowedNetworks)
    {
    }

    /// <summary>
    /// A harness with <paramref name="signing"/> in place of the one test key (when given) and
    /// <paramref name="credential"/> as the target token credential (when given).
    /// </summary>
    public InvokerHarness(
        TimeProvider? timeProvider, Action<SigningOptions>? signing, TokenCredential? credential, params string[] allowedNetworks)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFakeLogging());
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        if (credential is not null)
        {
            services.AddKeyedSingleton(TargetIdentityOptions.CredentialKey, credential);
        }

        services.AddSchedulerTargets(
            signing ?? (options =>
            {
                options.KeyId = KeyId;
                options.Secret = Secret;
            }),
            targets =>
            {
                foreach (var network in allowedNetworks)
                {
                    targets.AllowedNetworks.Add(network);
                }
            });
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>A harness that lets targets reach 127.0.0.1, where the test servers listen.</summary>
    public static InvokerHarness Loopback() => new("127.0.0.1/32");

    public ITargetInvoker Invoker => _services.GetRequiredService<ITargetInvoker>();

    public IMeterFactory MeterFactory => _services.GetRequiredService<IMeterFactory>();

    public IServiceProvider Services => _services;

    /// <summary>Every log record the invoker wrote.</summary>
    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    /// <summary>An invocation of <paramref name="url"/> with a unique task id, fast retries and a short timeout.</summary>
    public static TargetInvocation Invocation(
        Uri url, Func<HttpTarget, HttpTarget>? configure = null, OccurrenceKind kind = OccurrenceKind.Scheduled)
    {
        var taskId = "t-" + Guid.NewGuid().ToString("N")[..12];
        var occurrence = new Occurrence(ScheduledAt, ScheduledAt.AddSeconds(2), kind);
        var target = new HttpTarget { Url = url, Timeout = TimeSpan.FromSeconds(5), Retry = FastRetry };
        return new TargetInvocation(taskId, RunId.For(taskId, occurrence, 1), occurrence, configure?.Invoke(target) ?? target);
    }

    public void Dispose() => _services.Dispose();
}
