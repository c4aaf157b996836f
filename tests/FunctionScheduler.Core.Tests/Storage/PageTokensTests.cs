using System.Buffers.Text;
using System.Text;
using FunctionScheduler.Core.Storage;
using FunctionScheduler.Core.Storage.Tables;

namespace FunctionScheduler.Core.Tests.Storage;

public sealed class PageTokensTests
{
    private const string Scope = "schedulerTasks\nPartitionKey eq 'alpha'";
    private const string ServiceToken = "1!8!YWxwaGE- 1!12!dC0wMDAwMQ--";

    private static readonly PageTokens Tokens = new(new TableStorageOptions { ContinuationTokenSecret = "token-secret-for-tests-0123456789abcdef" });

    /// <summary>Tokens a client could make up: empty, random, service-shaped, the unsigned form of earlier versions, truncated or padded.</summary>
    public static TheoryData<string> HandMadeTokens() =>
    [
        "", "a", "AA", "AAAA", "====", "!!!!", "not base64url!", "a b", "%3D%3D",
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(ServiceToken)),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("a b")),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("1!4!YQ-- 1!4!Yg--")),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(" ")),
        Base64Url.EncodeToString(new byte[16]),
        Base64Url.EncodeToString(new byte[17]),
        Base64Url.EncodeToString(new byte[64]),
        Base64Url.EncodeToString([.. Encoding.UTF8.GetBytes(ServiceToken), .. new byte[16]]),
        // Standard base64 with its padding (the service token alone is 30 bytes: it would read the same as base64url).
        Convert.ToBase64String(Encoding.UTF8.GetBytes(ServiceToken + "!")),
        ServiceToken,
        new string('A', 4096),
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("eyJwIjoiYWxwaGEiLCJyIjoidDEifQ")),
        "eyJwIjoi", "bm8tc3BhY2U", "YSBiIGM",
    ];

    [Fact]
    public void Open_SealedToken_GivesBackTheServiceToken()
    {
        var sealedToken = Tokens.Seal(ServiceToken, Scope)!;

        Assert.Equal(ServiceToken, Tokens.Open(sealedToken, Scope));
        Assert.Equal(Uri.EscapeDataString(sealedToken), sealedToken);
    }

    [Fact]
    public void Seal_NoServiceToken_IsNoToken()
    {
        Assert.Null(Tokens.Seal(null, Scope));
    }

    [Fact]
    public void Open_EveryBitOfEveryByteFlipped_IsRefused()
    {
        var bytes = Base64Url.DecodeFromChars(Tokens.Seal(ServiceToken, Scope)!);

        for (var i = 0; i < bytes.Length; i++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var altered = (byte[])bytes.Clone();
                altered[i] ^= (byte)(1 << bit);

                Assert.Throws<InvalidContinuationTokenException>(() => Tokens.Open(Base64Url.EncodeToString(altered), Scope));
            }
        }
    }

    [Fact]
    public void Open_SealedTokenCutOrExtended_IsRefused()
    {
        var bytes = Base64Url.DecodeFromChars(Tokens.Seal(ServiceToken, Scope)!);

        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidContinuationTokenException>(() => Tokens.Open(Base64Url.EncodeToString(bytes.AsSpan(0, length)), Scope));
        }

        Assert.Throws<InvalidContinuationTokenException>(() => Tokens.Open(Base64Url.EncodeToString([.. bytes, 0]), Scope));
    }

    [Theory]
    [InlineData("schedulerTasks\nPartitionKey eq 'beta'")]
    [InlineData("schedulerRuns\nPartitionKey eq 'alpha'")]
    [InlineData("schedulerTasks\n")]
    public void Open_TokenOfAnotherListing_IsRefused(string otherScope)
    {
        var sealedToken = Tokens.Seal(ServiceToken, Scope)!;

        Assert.Throws<InvalidContinuationTokenException>(() => Tokens.Open(sealedToken, otherScope));
    }

    [Fact]
    public void Open_TokenSealedUnderAnotherSecret_IsRefused()
    {
        var other = new PageTokens(new TableStorageOptions { ContinuationTokenSecret = "another-token-secret-0123456789abcdef" });

        Assert.Throws<InvalidContinuationTokenException>(() => Tokens.Open(other.Seal(ServiceToken, Scope)!, Scope));
    }

    [Fact]
    public void Open_TokenOfAnotherHostWithTheSameSecret_IsAccepted()
    {
        var sameSecret = new PageTokens(new TableStorageOptions { ContinuationTokenSecret = "token-secret-for-tests-0123456789abcdef" });

        Assert.Equal(ServiceToken, Tokens.Open(sameSecret.Seal(ServiceToken, Scope)!, Scope));
    }

    [Theory]
    [MemberData(nameof(HandMadeTokens))]
    public void Open_HandMadeToken_IsRefused(string token)
    {
        Assert.Throws<InvalidContinuationTokenException>(() => Tokens.Open(token, Scope));
    }

    [Fact]
    public void KeyMaterial_SecretElseConnectionStringElseNothing()
    {
        Assert.Equal(
            Encoding.UTF8.GetBytes("token-secret-for-tests-0123456789abcdef"),
            PageTokens.KeyMaterial(new TableStorageOptions { ContinuationTokenSecret = "token-secret-for-tests-0123456789abcdef", ConnectionString = "cs" }));
        Assert.Equal(Encoding.UTF8.GetBytes("cs"), PageTokens.KeyMaterial(new TableStorageOptions { ConnectionString = "cs" }));
        Assert.Null(PageTokens.KeyMaterial(new TableStorageOptions { TableEndpoint = new Uri("https://a.table.core.windows.net") }));
        Assert.Null(PageTokens.KeyMaterial(new TableStorageOptions { ContinuationTokenSecret = "short", ConnectionString = "cs" }));
    }
}
