using System.Net.Http;
using FunctionScheduler.Core.DependencyInjection;
using FunctionScheduler.Core.Targets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.Tests.Targets;

public sealed class TargetServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSchedulerTargets_SchedulerSection_BindsSigningAndTargets()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Scheduler:Signing:KeyId"] = "k2025",
            ["Scheduler:Signing:Secret"] = "0123456789abcdef0123456789abcdef",
            ["Scheduler:Targets:AllowedNetworks:0"] = "10.0.0.0/8",
            ["Scheduler:Targets:AllowedNetworks:1"] = "func-internal.contoso.local",
        });

        Assert.Equal("k2025", services.GetRequiredService<IOptions<SigningOptions>>().Value.KeyId);
        Assert.Equal(
            ["10.0.0.0/8", "func-internal.contoso.local"],
            services.GetRequiredService<IOptions<TargetOptions>>().Value.AllowedNetworks);
        Assert.IsType<HttpTargetInvoker>(services.GetRequiredService<ITargetInvoker>());
        Assert.Equal(["k2025"], services.GetRequiredService<RequestSigner>().Sign("t:1", [], DateTimeOffset.UnixEpoch).KeyIds);
    }

    [Fact]
    public void AddSchedulerTargets_ShortSecret_FailsStartupValidation()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Scheduler:Signing:KeyId"] = "k1",
            ["Scheduler:Signing:Secret"] = "short",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Scheduler:Signing:Secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSchedulerTargets_InvalidAllowListEntry_FailsStartupValidation()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Scheduler:Signing:KeyId"] = "k1",
            ["Scheduler:Signing:Secret"] = "0123456789abcdef0123456789abcdef",
            ["Scheduler:Targets:AllowedNetworks:0"] = "10.0.0.0/40",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("10.0.0.0/40", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSchedulerTargets_NamedClient_EndsInTheGuardedHandler()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Scheduler:Signing:KeyId"] = "k1",
            ["Scheduler:Signing:Secret"] = "0123456789abcdef0123456789abcdef",
        });

        using var handler = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpTargetInvoker.HttpClientName);

        HttpMessageHandler? current = handler;
        while (current is DelegatingHandler delegating)
        {
            current = delegating.InnerHandler;
        }

        var primary = Assert.IsType<SocketsHttpHandler>(current);
        Assert.NotNull(primary.ConnectCallback);
        Assert.False(primary.AllowAutoRedirect);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSchedulerTargets(configuration.GetSection("Scheduler"));
        return services.BuildServiceProvider();
    }
}
