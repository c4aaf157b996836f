using FunctionScheduler.Standalone.Hosting;
using FunctionScheduler.Standalone.Http;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Standalone.Tests.Http;

public sealed class ApiKeysTests
{
    private const string Configured = "configured-key-0123456789";

    [Theory]
    [InlineData(Configured, true)]
    [InlineData("configured-key-012345678", false)]
    [InlineData("configured-key-01234567890", false)]
    [InlineData("CONFIGURED-KEY-0123456789", false)]
    [InlineData(" configured-key-0123456789", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Matches_PresentedKey_OnlyTheExactKey(string? presented, bool expected)
    {
        var keys = new ApiKeys(Options.Create(new StandaloneOptions { ApiKey = Configured }));

        Assert.Equal(expected, keys.Matches(presented));
        Assert.False(keys.Generated);
    }

    [Fact]
    public void Constructor_NoKeyConfigured_GeneratesAStrongKeyPerInstance()
    {
        var first = new ApiKeys(Options.Create(new StandaloneOptions()));
        var second = new ApiKeys(Options.Create(new StandaloneOptions()));

        Assert.True(first.Generated);
        Assert.True(first.Key.Length >= 43, "32 random bytes, base64url.");
        Assert.NotEqual(first.Key, second.Key);
        Assert.True(first.Matches(first.Key));
        Assert.False(first.Matches(second.Key));
    }
}
