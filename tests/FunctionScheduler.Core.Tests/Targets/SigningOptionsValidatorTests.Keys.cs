using FunctionScheduler.Core.Targets;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Targets;

/// <summary>Several keys with windows, checked on a fixed clock.</summary>
public sealed partial class SigningOptionsValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    // Each key: "id" or "id@from..to" with offsets in hours from Now, either side optional ("old@..24", "new@24..").
    [Theory]
    [InlineData(true, null, "k1")]
    [InlineData(true, null, "old@..24", "new@24..")]
    [InlineData(true, null, "old@..48", "new@24..")]
    [InlineData(true, null, "new@24..", "old@..48")]
    [InlineData(true, null, "retired@-48..-24", "current")]
    [InlineData(true, null, "a@..1", "b@1..2", "c@2..3", "d@3..")]
    [InlineData(true, null, "now@0..")]
    [InlineData(false, "is active from 2026-03-02T12:00:00Z", "old@..24", "new@25..")]
    [InlineData(false, "is active from 2026-03-02T12:00:00Z", "only@..24")]
    [InlineData(false, "is active now", "later@1..")]
    [InlineData(false, "is active now", "ended@..0")]
    [InlineData(false, "is active now", "retired@-48..-24")]
    [InlineData(false, "given twice", "k1", "K1")]
    [InlineData(false, "must be before NotAfter", "k1@2..1", "k2")]
    [InlineData(false, "must be before NotAfter", "k1@1..1", "k2")]
    [InlineData(false, "Keys:1:Id is required", "k1", "")]
    [InlineData(false, "Keys:0:Id is required", "key one", "k2")]
    public void Validate_KeyList_WindowsMustCoverEveryInstantFromNow(bool valid, string? message, params string[] keys)
    {
        var options = new SigningOptions();
        foreach (var key in keys)
        {
            options.Keys.Add(Key(key));
        }

        var result = Validator().Validate(null, options);

        Assert.True(valid == result.Succeeded, result.FailureMessage);
        if (message is not null)
        {
            Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_SameSecretUnderTwoIds_Fails()
    {
        var options = new SigningOptions();
        options.Keys.Add(new SigningKeyOptions { Id = "a", Secret = "0123456789abcdef0123456789abcdef" });

        // The same bytes written as base64 are the same key.
        options.Keys.Add(new SigningKeyOptions { Id = "b", Secret = "base64:" + Convert.ToBase64String("0123456789abcdef0123456789abcdef"u8) });

        var result = Validator().Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Contains("Keys:1:Secret is the same key", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MoreThanMaxKeys_Fails()
    {
        var options = new SigningOptions();
        for (var i = 0; i <= SigningOptions.MaxKeys; i++)
        {
            options.Keys.Add(new SigningKeyOptions { Id = "k" + i, Secret = "0123456789abcdef0123456789abcdef-" + i });
        }

        var result = Validator().Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Contains("at most 8", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("k1", "")]
    [InlineData("", "0123456789abcdef0123456789abcdef")]
    [InlineData("k1", "0123456789abcdef0123456789abcdef")]
    public void Validate_SingleKeyBesideKeyList_FailsNamingBoth(string keyId, string secret)
    {
        var options = new SigningOptions { KeyId = keyId, Secret = secret };
        options.Keys.Add(Key("k2"));

        var result = Validator().Validate(null, options);

        Assert.False(result.Succeeded);
        Assert.Contains("Scheduler:Signing:KeyId/Secret and Scheduler:Signing:Keys", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoKeyAtAll_Fails()
    {
        var result = Validator().Validate(null, new SigningOptions());

        Assert.False(result.Succeeded);
        Assert.Contains("Scheduler:Signing:KeyId is required", result.FailureMessage, StringComparison.Ordinal);
    }

    private static SigningOptionsValidator Validator() => new(new FakeTimeProvider(Now));

    private static SigningKeyOptions Key(string spec)
    {
        var parts = spec.Split('@');
        var key = new SigningKeyOptions { Id = parts[0], Secret = "secret-of-" + parts[0] + "-0123456789abcdef0123456789" };
        if (parts.Length == 2)
        {
            var window = parts[1].Split("..");
            key.NotBefore = window[0].Length > 0 ? Now.AddHours(int.Parse(window[0], System.Globalization.CultureInfo.InvariantCulture)) : null;
            key.NotAfter = window[1].Length > 0 ? Now.AddHours(int.Parse(window[1], System.Globalization.CultureInfo.InvariantCulture)) : null;
        }

        return key;
    }
}
