using System.Diagnostics;
using Azure.Core;
using Azure.Identity;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Targets.Identity;
using FunctionScheduler.Core.Telemetry;
using FunctionScheduler.Functions.Hosting;
using FunctionScheduler.Functions.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace FunctionScheduler.Functions.Tests.Hosting;

public class HostingTests
{
    private static readonly Dictionary<string, string?> ValidSettings = new()
    {
        ["Scheduler:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        ["Scheduler:Signing:KeyId"] = "test",
        ["Scheduler:Signing:Secret"] = "a test signing secret of more than 32 bytes",
        ["Scheduler:Targets:AllowedNetworks:0"] = "127.0.0.1/32",
    };

    [Fact]
    public void AddFunctionScheduler_EveryFunctionClass_IsBuiltFromTheContainer()
    {
        using var services = Provider(ValidSettings);

        var classes = FunctionHost.All.Where(f => !f.IsStatic).Select(f => f.DeclaringType!).Distinct().ToList();

        Assert.NotEmpty(classes);
        Assert.All(classes, type => Assert.NotNull(ActivatorUtilities.CreateInstance(services, type)));
    }

    [Fact]
    public void AddFunctionScheduler_AppSettings_BindTheSchedulerSection()
    {
        using var services = Provider(ValidSettings);

        Assert.Equal("test", services.GetRequiredService<IOptions<SigningOptions>>().Value.KeyId);
        Assert.Equal(["127.0.0.1/32"], services.GetRequiredService<IOptions<TargetOptions>>().Value.AllowedNetworks);
    }

    [Fact]
    public void AddFunctionScheduler_IdentityClientIdAndKeyList_UserAssignedIdentityAndEveryKey()
    {
        // What infra/ sets (Scheduler__Identity__ManagedIdentityClientId) and a rotation's key list in app settings.
        using var services = Provider(new Dictionary<string, string?>(ValidSettings)
        {
            ["Scheduler:Signing:KeyId"] = null,
            ["Scheduler:Signing:Secret"] = null,
            ["Scheduler:Signing:Keys:0:Id"] = "key-2026-02",
            ["Scheduler:Signing:Keys:0:Secret"] = "old signing secret of more than 32 bytes",
            ["Scheduler:Signing:Keys:1:Id"] = "key-2026-03",
            ["Scheduler:Signing:Keys:1:Secret"] = "new signing secret of more than 32 bytes",
            ["Scheduler:Identity:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001",
        });

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<ManagedIdentityCredential>(services.GetRequiredKeyedService<TokenCredential>(TargetIdentityOptions.CredentialKey));
        Assert.Equal(["key-2026-02", "key-2026-03"], services.GetRequiredService<RequestSigner>().Sign("t:1", [], DateTimeOffset.UnixEpoch).KeyIds);
        Assert.IsType<HttpTargetInvoker>(services.GetRequiredService<ITargetInvoker>());
    }

    [Fact]
    public void AddFunctionScheduler_SigningSecretMissing_FailsValidation()
    {
        using var services = Provider(new Dictionary<string, string?>(ValidSettings) { ["Scheduler:Signing:Secret"] = null });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SigningOptions>>().Value);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("Authorization=AAD", typeof(DefaultAzureCredential))]
    [InlineData("Authorization=AAD;ClientId=00000000-0000-0000-0000-000000000001", typeof(ManagedIdentityCredential))]
    [InlineData(" authorization = aad ; clientid = 00000000-0000-0000-0000-000000000001 ", typeof(ManagedIdentityCredential))]
    public void ApplicationInsightsCredential_AuthenticationString_PicksTheCredential(string? setting, Type? expected)
    {
        Assert.Equal(expected, ApplicationInsightsCredential.FromAuthenticationString(setting)?.GetType());
    }

    [Theory]
    [InlineData("Authorization=Key")]
    [InlineData("ClientId=00000000-0000-0000-0000-000000000001")]
    public void ApplicationInsightsCredential_UnknownScheme_Throws(string setting)
    {
        Assert.Throws<InvalidOperationException>(() => ApplicationInsightsCredential.FromAuthenticationString(setting));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("http://127.0.0.1:4317", null)]
    [InlineData(null, "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/")]
    public void AddSchedulerOpenTelemetry_AnyExporter_ListensToTheSchedulersSpans(string? otlpEndpoint, string? appInsights)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint,
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = appInsights,
        });

        builder.AddSchedulerOpenTelemetry();
        using var host = builder.Build();
        using var tracer = host.Services.GetRequiredService<TracerProvider>();
        using var span = SchedulerTelemetry.ActivitySource.StartActivity("probe");

        Assert.NotNull(span);
        Assert.Equal(SchedulerTelemetry.ActivitySourceName, span.Source.Name);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFunctionScheduler(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
