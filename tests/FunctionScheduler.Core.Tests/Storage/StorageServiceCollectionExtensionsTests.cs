using FunctionScheduler.Core.DependencyInjection;
using FunctionScheduler.Core.Model;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;
using FunctionScheduler.Testing.Azurite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static FunctionScheduler.Core.Tests.Storage.StorageSamples;

namespace FunctionScheduler.Core.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests
{
    private const string AzuriteLike = "UseDevelopmentStorage=true";
    private const string Endpoint = "https://acct.table.core.windows.net";
    private const string SigningSecret = "test-signing-secret-0123456789abcdef";

    [Theory]
    [InlineData(null, null, null, null, "Set Scheduler:Storage:ConnectionString (Azurite, development) or Scheduler:Storage:TableEndpoint")]
    [InlineData("  ", null, null, null, "neither is set")]
    [InlineData(AzuriteLike, Endpoint, null, null, "Set only one of Scheduler:Storage:ConnectionString and Scheduler:Storage:TableEndpoint; both are set.")]
    [InlineData(null, "http://acct.table.core.windows.net", null, null, "Scheduler:Storage:TableEndpoint must be an absolute https URL")]
    [InlineData(AzuriteLike, null, "11111111-2222-3333-4444-555555555555", null, "Scheduler:Storage:ManagedIdentityClientId applies only with Scheduler:Storage:TableEndpoint")]
    [InlineData(AzuriteLike, null, null, "1scheduler", "Scheduler:Storage:TablePrefix must be a letter followed by letters or digits")]
    [InlineData(AzuriteLike, null, null, "sched-uler", "Scheduler:Storage:TablePrefix")]
    [InlineData(AzuriteLike, null, null, "a12345678901234567890123456789012345678901234567890123456", "at most 56 characters")]
    public void AddSchedulerStorage_InvalidConfiguration_FailsAtStartNamingTheSetting(
        string? connectionString, string? endpoint, string? clientId, string? prefix, string expectedMessage)
    {
        using var provider = Build(Configuration(connectionString, endpoint, clientId, prefix));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expectedMessage, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AzuriteLike, null, null, null, "schedulerTasks")]
    [InlineData(AzuriteLike, "", "", null, "schedulerTasks")] // empty app settings count as unset
    [InlineData(null, Endpoint, "11111111-2222-3333-4444-555555555555", "prod1", "prod1Tasks")]
    [InlineData(null, Endpoint, null, "a1234567890123456789012345678901234567890123456789012345", "a1234567890123456789012345678901234567890123456789012345Tasks")]
    public void AddSchedulerStorage_ValidConfiguration_ResolvesStoresWithoutContactingStorage(
        string? connectionString, string? endpoint, string? clientId, string? prefix, string expectedTasksTable)
    {
        using var provider = Build(Configuration(connectionString, endpoint, clientId, prefix));

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<TableTaskStore>(provider.GetRequiredService<ITaskStore>());
        Assert.IsType<TableRunLog>(provider.GetRequiredService<IRunLog>());
        Assert.Equal(expectedTasksTable, provider.GetRequiredService<SchedulerTables>().Tasks.Name);
    }

    [Fact]
    public async Task AddSchedulerStorage_BoundFromConfiguration_StoresAndReadsInAzurite()
    {
        var options = AzuriteTables.NewOptions("di");
        using var provider = Build(Configuration(options.ConnectionString, null, null, options.TablePrefix));
        var store = provider.GetRequiredService<ITaskStore>();
        var definition = Definition(NewId("di"));

        try
        {
            await store.CreateAsync(definition, TaskRunState.New(T0));

            Assert.Equal(definition.Id, (await store.GetAsync(definition.Id))?.Id);
        }
        finally
        {
            await provider.GetRequiredService<SchedulerTables>().DeleteAllAsync();
        }
    }

    [Fact]
    public void AddSchedulerStorage_ConfiguredInCode_AppliesTheAction()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSchedulerStorage(o =>
        {
            o.TableEndpoint = new Uri(Endpoint);
            o.TablePrefix = "coded";
            o.ContinuationTokenSecret = SigningSecret;
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(["codedTasks", "codedTaskIds", "codedRuns", "codedHosts"], provider.GetRequiredService<SchedulerTables>().TableNames);
    }

    [Theory]
    [InlineData(null, Endpoint, null, null, "Set Scheduler:Storage:ContinuationTokenSecret, or Scheduler:Signing:Secret")]
    [InlineData(AzuriteLike, null, SigningSecret, "too-short", "Scheduler:Storage:ContinuationTokenSecret must be at least 32 bytes")]
    [InlineData(AzuriteLike, null, null, "base64:not base64!", "Scheduler:Storage:ContinuationTokenSecret must be at least 32 bytes")]
    [InlineData(null, Endpoint, "short", null, "Scheduler:Storage:ContinuationTokenSecret must be at least 32 bytes")]
    public void AddSchedulerStorage_NoUsableTokenSecret_FailsAtStartNamingTheSetting(
        string? connectionString, string? endpoint, string? signingSecret, string? tokenSecret, string expectedMessage)
    {
        using var provider = Build(Configuration(connectionString, endpoint, null, null, signingSecret, tokenSecret));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expectedMessage, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, SigningSecret)]
    [InlineData("an-explicit-token-secret-0123456789abcdef", "an-explicit-token-secret-0123456789abcdef")]
    public void AddSchedulerStorage_BoundFromConfiguration_KeysTokensWithTheTokenSecretElseTheSigningSecret(string? tokenSecret, string expected)
    {
        using var provider = Build(Configuration(null, Endpoint, null, null, SigningSecret, tokenSecret));

        Assert.Equal(expected, provider.GetRequiredService<IOptions<TableStorageOptions>>().Value.ContinuationTokenSecret);
    }

    private static IConfiguration Configuration(
        string? connectionString, string? endpoint, string? clientId, string? prefix, string? signingSecret = SigningSecret, string? tokenSecret = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Scheduler:Storage:ConnectionString"] = connectionString,
            ["Scheduler:Storage:TableEndpoint"] = endpoint,
            ["Scheduler:Storage:ManagedIdentityClientId"] = clientId,
            ["Scheduler:Storage:ContinuationTokenSecret"] = tokenSecret,
            ["Scheduler:Signing:Secret"] = signingSecret,
        };
        if (prefix is not null)
        {
            values["Scheduler:Storage:TablePrefix"] = prefix;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static ServiceProvider Build(IConfiguration configuration) =>
        new ServiceCollection().AddLogging().AddSchedulerStorage(configuration).BuildServiceProvider();
}
