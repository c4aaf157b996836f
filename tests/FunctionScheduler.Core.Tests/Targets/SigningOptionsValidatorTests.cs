using FunctionScheduler.Core.Targets;

namespace FunctionScheduler.Core.Tests.Targets;

public sealed partial class SigningOptionsValidatorTests
{
    [Theory]
    [InlineData("k1", "0123456789abcdef0123456789abcdef", true)]
    [InlineData("key-2025.03_a", "0123456789abcdef0123456789abcdef-and-more", true)]
    [InlineData("k1", "0123456789abcdef0123456789abcde", false)]
    [InlineData("k1", "", false)]
    [InlineData("k1", "base64:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", true)]
    [InlineData("k1", "base64:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg==", false)]
    [InlineData("k1", "base64:not base64 at all, though long enough to pass as text", false)]
    [InlineData("", "0123456789abcdef0123456789abcdef", false)]
    [InlineData("key id", "0123456789abcdef0123456789abcdef", false)]
    public void Validate_KeyIdAndSecret_NeedAnIdAnd32Bytes(string keyId, string secret, bool valid)
    {
        var result = new SigningOptionsValidator(TimeProvider.System).Validate(null, new SigningOptions { KeyId = keyId, Secret = secret });

        Assert.Equal(valid, result.Succeeded);
    }
}
