using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FunctionScheduler.Core.Targets;
using Microsoft.Extensions.Options;

namespace FunctionScheduler.Core.Tests.Targets;

/// <summary>Signing during a rotation: one v1 per key active at the instant, in configuration order.</summary>
public sealed class RequestSignerTests
{
    private const string OldSecret = "old-signing-secret-0123456789abcdef";
    private const string NewSecret = "base64:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private const string RunId = "nightly-report:2516298548999999999s-g1";
    private static readonly DateTimeOffset NewFrom = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset OldUntil = NewFrom.AddDays(7);

    [Theory]
    [InlineData(-1, "old")]
    [InlineData(0, "old,new")]
    [InlineData(7 * 86400 - 1, "old,new")]
    [InlineData(7 * 86400, "new")]
    public void Sign_DuringRotation_OneSignaturePerKeyActiveAtTheInstant(int secondsAfterNewFrom, string expectedIds)
    {
        var at = NewFrom.AddSeconds(secondsAfterNewFrom);
        var body = Encoding.UTF8.GetBytes("""{"n":1}""");

        var signature = Rotating().Sign(RunId, body, at);

        var ids = expectedIds.Split(',');
        Assert.Equal(ids, signature.KeyIds);
        Assert.Equal(expectedIds, signature.KeyIdHeader);
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var expected = "t=" + t + string.Concat(ids.Select(id => ",v1=" + Hmac(id == "old" ? Encoding.UTF8.GetBytes(OldSecret) : Base64Key(), t, body)));
        Assert.Equal(expected, signature.Header);
    }

    [Fact]
    public void Sign_SingleKeySettings_SignsWithThatKeyAlways()
    {
        var signer = new RequestSigner(Options.Create(new SigningOptions { KeyId = "primary", Secret = OldSecret }));

        var signature = signer.Sign(RunId, [], DateTimeOffset.MaxValue.AddYears(-1));

        Assert.Equal(["primary"], signature.KeyIds);
        Assert.Matches("^t=[0-9]+,v1=[0-9a-f]{64}$", signature.Header);
    }

    [Fact]
    public void Sign_NoKeyActive_Throws()
    {
        // Validation at start rules this out; unvalidated options must still not send an unsigned request.
        var options = new SigningOptions();
        options.Keys.Add(new SigningKeyOptions { Id = "later", Secret = OldSecret, NotBefore = NewFrom });

        var error = Assert.Throws<InvalidOperationException>(() => new RequestSigner(Options.Create(options)).Sign(RunId, [], NewFrom.AddTicks(-1)));
        Assert.Contains("No signing key is active", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretSpellings_EveryConfiguredKey_AsWrittenAndItsBase64Alone()
    {
        Assert.Equal([OldSecret, NewSecret, NewSecret["base64:".Length..]], Rotating().SecretSpellings);
    }

    private static RequestSigner Rotating()
    {
        var options = new SigningOptions();
        options.Keys.Add(new SigningKeyOptions { Id = "old", Secret = OldSecret, NotAfter = OldUntil });
        options.Keys.Add(new SigningKeyOptions { Id = "new", Secret = NewSecret, NotBefore = NewFrom });
        return new RequestSigner(Options.Create(options));
    }

    private static byte[] Base64Key() => Convert.FromBase64String(NewSecret["base64:".Length..]);

    private static string Hmac(byte[] key, string t, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(t + "." + RunId + ".").Concat(body).ToArray()));
}
