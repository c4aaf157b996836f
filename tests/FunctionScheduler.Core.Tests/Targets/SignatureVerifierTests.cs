using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FunctionScheduler.Core.Targets;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace FunctionScheduler.Core.Tests.Targets;

public sealed class SignatureVerifierTests
{
    private const string Secret = "receiver-shared-secret-0123456789abcdef";
    private const string RunId = "nightly-report:0638789238000000000s";
    private const string Body = """{"report":"daily"}""";
    private static readonly DateTimeOffset Now = new(2025, 3, 30, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Sign_Header_IsHmacOfTimestampRunIdAndBody()
    {
        var header = Signer(Secret).Sign(RunId, Encoding.UTF8.GetBytes(Body), Now).Header;

        // The documented recipe, computed independently: HMAC-SHA256(key, "<t>.<run id>.<body>"), lowercase hex.
        var t = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(t + "." + RunId + "." + Body));
        Assert.Equal("t=" + t + ",v1=" + Convert.ToHexStringLower(expected), header);
    }

    [Fact]
    public void Verify_FreshSignature_IsValid()
    {
        var header = Signer(Secret).Sign(RunId, Encoding.UTF8.GetBytes(Body), Now).Header;

        Assert.Equal(SignatureCheck.Valid, Verifier(Secret).Verify(header, RunId, Body));
    }

    [Theory]
    [InlineData(Secret + "!", RunId, Body)]
    [InlineData(Secret, RunId + "x", Body)]
    [InlineData(Secret, RunId, """{"report":"weekly"}""")]
    [InlineData(Secret, RunId, "")]
    public void Verify_OtherKeyRunIdOrBody_IsMismatch(string verifierSecret, string runId, string body)
    {
        var header = Signer(Secret).Sign(RunId, Encoding.UTF8.GetBytes(Body), Now).Header;

        Assert.Equal(SignatureCheck.Mismatch, Verifier(verifierSecret).Verify(header, runId, body));
    }

    [Theory]
    [InlineData(-299, SignatureCheck.Valid)]
    [InlineData(-301, SignatureCheck.Expired)]
    [InlineData(299, SignatureCheck.Valid)]
    [InlineData(301, SignatureCheck.Expired)]
    public void Verify_TimestampOffset_IsCheckedAgainstFiveMinutes(int offsetSeconds, SignatureCheck expected)
    {
        var header = Signer(Secret).Sign(RunId, Encoding.UTF8.GetBytes(Body), Now.AddSeconds(offsetSeconds)).Header;

        Assert.Equal(expected, Verifier(Secret).Verify(header, RunId, Body));
    }

    [Theory]
    [InlineData(null, SignatureCheck.Missing)]
    [InlineData("", SignatureCheck.Missing)]
    [InlineData("garbage", SignatureCheck.Malformed)]
    [InlineData("t=1743298200", SignatureCheck.Malformed)]
    [InlineData("v1=00", SignatureCheck.Malformed)]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000", SignatureCheck.Malformed)]
    [InlineData("t=1743298200,v1=00", SignatureCheck.Malformed)]
    [InlineData("t=1743298200,v1=zz00000000000000000000000000000000000000000000000000000000000000", SignatureCheck.Malformed)]
    [InlineData("t=1743298200,t=1743298200,v1=0000000000000000000000000000000000000000000000000000000000000000", SignatureCheck.Malformed)]
    [InlineData("t=1743298200,v1=0000000000000000000000000000000000000000000000000000000000000000", SignatureCheck.Mismatch)]
    [InlineData("t=99999999999999,v1=0000000000000000000000000000000000000000000000000000000000000000", SignatureCheck.Expired)]
    public void Verify_HeaderShape_IsClassified(string? header, SignatureCheck expected) =>
        Assert.Equal(expected, Verifier(Secret).Verify(header, RunId, Body));

    [Fact]
    public void Verify_SeveralCandidatesOneValid_IsValid()
    {
        var header = Signer(Secret).Sign(RunId, Encoding.UTF8.GetBytes(Body), Now).Header;
        var withDecoy = header.Replace(",v1=", ",v1=" + new string('0', 64) + ",v2=future,v1=", StringComparison.Ordinal);

        Assert.Equal(SignatureCheck.Valid, Verifier(Secret).Verify(withDecoy, RunId, Body));
    }

    [Fact]
    public void Verify_Base64Secret_UsesDecodedBytes()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var secret = SigningOptions.Base64Prefix + Convert.ToBase64String(key);
        var header = Signer(secret).Sign(RunId, Encoding.UTF8.GetBytes(Body), Now).Header;

        Assert.Equal(SignatureCheck.Valid, Verifier(secret).Verify(header, RunId, Body));
        var t = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(t + "." + RunId + "." + Body));
        Assert.EndsWith(Convert.ToHexStringLower(expected), header, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "old" }, SignatureCheck.Valid)]
    [InlineData(new[] { "new" }, SignatureCheck.Valid)]
    [InlineData(new[] { "new", "old" }, SignatureCheck.Valid)]
    [InlineData(new[] { "other" }, SignatureCheck.Mismatch)]
    [InlineData(new[] { "other", "another" }, SignatureCheck.Mismatch)]
    public void Verify_RotationHeaderSignedByOldAndNew_AcceptedByAReceiverHoldingEither(string[] receiverKeys, SignatureCheck expected)
    {
        var secrets = new Dictionary<string, string>
        {
            ["old"] = Secret, ["new"] = Secret + "-new", ["other"] = Secret + "-other", ["another"] = Secret + "-another",
        };
        var options = new SigningOptions();
        options.Keys.Add(new SigningKeyOptions { Id = "old", Secret = secrets["old"] });
        options.Keys.Add(new SigningKeyOptions { Id = "new", Secret = secrets["new"] });
        var header = new RequestSigner(Options.Create(options)).Sign(RunId, Encoding.UTF8.GetBytes(Body), Now).Header;

        var check = new SignatureVerifier(receiverKeys.Select(id => secrets[id]), new FakeTimeProvider(Now)).Verify(header, RunId, Body);

        Assert.Equal(expected, check);
    }

    [Fact]
    public void Verify_ReceiverHoldingOldAndNew_AcceptsEitherAlone()
    {
        var verifier = new SignatureVerifier([Secret, Secret + "-new"], new FakeTimeProvider(Now));

        Assert.Equal(SignatureCheck.Valid, verifier.Verify(Signer(Secret).Sign(RunId, Encoding.UTF8.GetBytes(Body), Now).Header, RunId, Body));
        Assert.Equal(SignatureCheck.Valid, verifier.Verify(Signer(Secret + "-new").Sign(RunId, Encoding.UTF8.GetBytes(Body), Now).Header, RunId, Body));
        Assert.Equal(SignatureCheck.Mismatch, verifier.Verify(Signer(Secret + "-gone").Sign(RunId, Encoding.UTF8.GetBytes(Body), Now).Header, RunId, Body));
    }

    [Fact]
    public void Constructor_NoSecrets_Throws() =>
        Assert.Throws<ArgumentException>(() => new SignatureVerifier(Array.Empty<string>()));

    [Fact]
    public void Constructor_ShortSecret_Throws() =>
        Assert.Throws<ArgumentException>(() => new SignatureVerifier("too-short"));

    private static RequestSigner Signer(string secret) =>
        new(Options.Create(new SigningOptions { KeyId = "k1", Secret = secret }));

    private static SignatureVerifier Verifier(string secret) => new(secret, new FakeTimeProvider(Now));
}
