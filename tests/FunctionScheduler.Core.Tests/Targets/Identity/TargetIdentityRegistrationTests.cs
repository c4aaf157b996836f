using Azure.Core;
using Azure.Identity;
using FunctionScheduler.Core.DependencyInjection;
using FunctionScheduler.Core.Targets;
using FunctionScheduler.Core.Targets.Identity;
using FunctionScheduler.Testing.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.Tests.Targets.Identity;

/// <summary>How the hosts get the target credential and signing keys from configuration.</summary>
public sealed class TargetIdentityRegistrationTests
{
    private const string ClientId = "11111111-2222-3333-4444-555555555555";

    [Fact]
    public void AddSchedulerTargets_ClientIdConfigured_ManagedIdentityCredential()
    {
        using var services = Build(new() { ["Scheduler:Identity:ManagedIdentityClientId"] = ClientId });

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(ClientId, services.GetRequiredService<IOptions<TargetIdentityOptions>>().Value.ManagedIdentityClientId);
        Assert.IsType<ManagedIdentityCredential>(services.GetRequiredKeyedService<TokenCredential>(TargetIdentityOptions.CredentialKey));
        Assert.IsType<HttpTargetInvoker>(services.GetRequiredService<ITargetInvoker>());
    }

    [Fact]
    public void AddSchedulerTargets_NoClientId_DefaultAzureCredentialForDevelopment()
    {
        using var services = Build([]);

        Assert.IsType<DefaultAzureCredential>(services.GetRequiredKeyedService<TokenCredential>(TargetIdentityOptions.CredentialKey));
        Assert.Equal(TargetIdentityOptions.DefaultTokenTimeout, services.GetRequiredService<IOptions<TargetIdentityOptions>>().Value.TokenTimeout);
    }

    [Fact]
    public void AddSchedulerTargets_CredentialRegisteredBefore_IsKept()
    {
        var credential = new TestTokenCredential();

        using var services = Build([], s => s.AddKeyedSingleton<TokenCredential>(TargetIdentityOptions.CredentialKey, credential));

        Assert.Same(credential, services.GetRequiredKeyedService<TokenCredential>(TargetIdentityOptions.CredentialKey));
    }

    [Fact]
    public void AddSchedulerTargets_UnkeyedHostCredential_IsNotTakenForTargets()
    {
        var hostCredential = new TestTokenCredential();

        using var services = Build([], s => s.AddSingleton<TokenCredential>(hostCredential));

        Assert.NotSame(hostCredential, services.GetRequiredKeyedService<TokenCredential>(TargetIdentityOptions.CredentialKey));
    }

    [Theory]
    [InlineData("Scheduler:Identity:ManagedIdentityClientId", "not-a-guid", "ManagedIdentityClientId must be the identity's client id")]
    [InlineData("Scheduler:Identity:TokenTimeout", "00:00:00.500", "TokenTimeout must be from")]
    [InlineData("Scheduler:Identity:TokenTimeout", "00:10:00", "TokenTimeout must be from")]
    public void AddSchedulerTargets_BadIdentitySetting_FailsStartupValidation(string key, string value, string message)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSchedulerTargets_KeyListInConfiguration_BoundInOrderWithWindows()
    {
        using var services = Build(new()
        {
            ["Scheduler:Signing:KeyId"] = null,
            ["Scheduler:Signing:Secret"] = null,
            ["Scheduler:Signing:Keys:0:Id"] = "key-2026-02",
            ["Scheduler:Signing:Keys:0:Secret"] = "old-signing-secret-0123456789abcdef",
            ["Scheduler:Signing:Keys:0:NotAfter"] = "2100-01-01T00:00:00Z",
            ["Scheduler:Signing:Keys:1:Id"] = "key-2026-03",
            ["Scheduler:Signing:Keys:1:Secret"] = "new-signing-secret-0123456789abcdef",
            ["Scheduler:Signing:Keys:1:NotBefore"] = "2026-03-01T00:00:00+00:00",
        });

        services.GetRequiredService<IStartupValidator>().Validate();

        var keys = services.GetRequiredService<IOptions<SigningOptions>>().Value.Keys;
        Assert.Equal(["key-2026-02", "key-2026-03"], keys.Select(k => k.Id));
        Assert.Equal(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), keys[0].NotAfter);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), keys[1].NotBefore);
        var signer = services.GetRequiredService<RequestSigner>();
        Assert.Equal(["key-2026-02"], signer.Sign("t:1", [], new DateTimeOffset(2026, 2, 28, 0, 0, 0, TimeSpan.Zero)).KeyIds);
        Assert.Equal(["key-2026-02", "key-2026-03"], signer.Sign("t:1", [], new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)).KeyIds);
    }

    [Fact]
    public void AddSchedulerTargets_SingleKeyAndKeyListBoth_FailsStartupValidation()
    {
        using var services = Build(new()
        {
            ["Scheduler:Signing:Keys:0:Id"] = "key-2026-03",
            ["Scheduler:Signing:Keys:0:Secret"] = "new-signing-secret-0123456789abcdef",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("two ways to give the signing keys", error.Message, StringComparison.Ordinal);
    }

    // A single key unless the settings say otherwise (null removes a setting).
    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Scheduler:Signing:KeyId"] = "k1",
            ["Scheduler:Signing:Secret"] = "0123456789abcdef0123456789abcdef",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection().AddLogging();
        before?.Invoke(services);
        services.AddSchedulerTargets(configuration.GetSection("Scheduler"));
        return services.BuildServiceProvider();
    }
}
