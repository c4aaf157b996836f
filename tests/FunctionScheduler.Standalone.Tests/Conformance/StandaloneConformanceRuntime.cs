using System.Text;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Standalone.Dispatching;
using FunctionScheduler.Standalone.Tests.Support;
using FunctionScheduler.Testing.Conformance;
using FunctionScheduler.Testing.Timing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Standalone.Tests.Conformance;

/// <summary>
/// The standalone runtime under the conformance scenarios: the real host (REST over HTTP with the API key, the
/// embedded dispatcher) with the scenario's fake clock and scripted target. Time passes by stepping the clock to
/// the dispatcher's next wake time and waiting until it is idle; "down" stops the host and starts a new one.
/// </summary>
internal sealed class StandaloneConformanceRuntime(ScenarioContext context) : IConformanceRuntime
{
    // A scenario spans days at most; a runaway wake loop fails instead of hanging.
    private const int MaxSteps = 100_000;

    // Generous: an idle wait covers storage round trips only, but a stuck dispatcher must fail the test, not hang it.
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(60);

    private StandaloneTestHost? _host;

    private StandaloneTestHost Host => _host ?? throw new InvalidOperationException("The runtime is not started.");

    public async Task StartAsync()
    {
        _host = await StandaloneTestHost.StartAsync(
            context.TablePrefix,
            services: services =>
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(context.Clock));
                services.Replace(ServiceDescriptor.Singleton<ITargetInvoker>(context.Target));
            },
            connectionString: context.StorageConnectionString);
        await IdleAsync();
    }

    public async Task<int> SendAsync(string method, string path, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "api" + path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await Host.Client.SendAsync(request);
        await IdleAsync();
        return (int)response.StatusCode;
    }

    public async Task AdvanceToAsync(DateTimeOffset until)
    {
        for (var step = 0; ; step++)
        {
            Assert.True(step < MaxSteps, $"The dispatcher did not settle within {MaxSteps} wake-ups.");
            await IdleAsync();
            if (Host.Dispatcher.NextWakeAt is not { } next || next > until)
            {
                break;
            }

            context.Clock.SetUtcNow(next);
        }

        if (until > context.Clock.GetUtcNow())
        {
            context.Clock.SetUtcNow(until);
        }

        await IdleAsync();
    }

    public async Task DownUntilAsync(DateTimeOffset until)
    {
        await Host.DisposeAsync();
        _host = null;
        context.Clock.SetUtcNow(until);
        await StartAsync();
    }

    // A fire that starts meanwhile hangs (its claim held, as a stuck dispatcher's is) while the resync, and with it
    // the overdue check, goes on every resync interval; then the fire answers and the dispatcher catches up.
    public async Task StallUntilAsync(DateTimeOffset until, bool recover)
    {
        var interval = Host.Services.GetRequiredService<IOptions<DispatcherOptions>>().Value.ResyncInterval;
        context.Target.Hold();
        try
        {
            while (context.Clock.GetUtcNow() + interval <= until)
            {
                var before = Host.Dispatcher.ResyncsCompleted;
                context.Clock.Advance(interval);
                Assert.True(
                    await Eventually.TrueAsync(() => Host.Dispatcher.ResyncsCompleted > before, IdleTimeout),
                    $"No resync completed within {IdleTimeout} of the clock reaching {context.Clock.GetUtcNow():O}.");
            }
        }
        catch
        {
            // A failed step lets the held fire go, so the host can stop.
            context.Target.Release();
            throw;
        }

        context.Clock.SetUtcNow(until);
        if (recover)
        {
            context.Target.Release();
            await IdleAsync();
        }
    }

    public Task<StoredTask?> GetTaskAsync(string id) => Host.Services.GetRequiredService<ITaskStore>().GetAsync(id);

    public Task<IReadOnlyList<RunRecord>> GetRunsAsync(string id) => RunHistory.AllAsync(Host.Services.GetRequiredService<IRunLog>(), id);

    private Task IdleAsync() => Host.Dispatcher.WaitForIdleAsync().WaitAsync(IdleTimeout);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await StandaloneTestHost.DeleteTablesAsync(context.TablePrefix, context.StorageConnectionString);
    }
}
