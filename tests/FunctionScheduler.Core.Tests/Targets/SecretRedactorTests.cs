using System.Globalization;
using System.Text;
using CsCheck;
using FunctionScheduler.Core.Targets;

namespace FunctionScheduler.Core.Tests.Targets;

public sealed class SecretRedactorTests
{
    private const string Mark = SecretRedactor.Mark;

    // Secret characters: what header values may hold (visible ASCII, space, tab) and, for the signing secret, text
    // beyond ASCII. '~' and '|' are kept out: the text around a secret is made of them, so that it is known exactly.
    private static readonly Gen<string> Secrets = Gen.OneOf(
            Gen.Char[' ', '}'].Where(c => c != '|').Select(c => c.ToString()),
            Gen.Const("\t"),
            Gen.OneOfConst("é", "ß", "中", "😀", "Ω"))
        .Array[1, 40]
        .Select(string.Concat)
        .Where(s => s.Trim().Length > 0 && !s.Contains('~', StringComparison.Ordinal));

    private static readonly Gen<string> Surroundings = Gen.OneOfConst('~', '|', ' ').Array[0, 20].Select(cs => new string(cs));

    // Each character written one of the ways an echo writes it, chosen independently.
    private static readonly Gen<int> Encodings = Gen.Int[0, 11];

    [Fact]
    public void Redact_SecretWrittenInAnyMixOfEscapes_IsReplacedAndNothingElseIs()
    {
        Gen.Select(Secrets, Surroundings, Surroundings, Gen.Int.Array[64]).Sample((secret, before, after, choices) =>
        {
            var written = Write(secret, choices);
            var redactor = SecretRedactor.For([secret]);

            Assert.Equal(before + Mark + after, redactor.Redact(before + written + after));
        }, iter: 3000);
    }

    [Fact]
    public void Redact_SecretTwiceAmongOthers_ReplacesEachOccurrence()
    {
        var redactor = SecretRedactor.For(["alpha-secret", "beta"]);

        Assert.Equal($"a {Mark} b {Mark} c {Mark} d", redactor.Redact("a alpha-secret b ALPHA%2DSECRET c beta d"));
    }

    [Fact]
    public void Redact_LongerSecretContainingAShorterOne_IsReplacedWhole()
    {
        var redactor = SecretRedactor.For(["abc", "xxabcxx"]);

        Assert.Equal($"[{Mark}]", redactor.Redact("[xxabcxx]"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("nothing secret here")]
    public void Redact_TextWithoutSecrets_IsReturnedAsIs(string? text)
    {
        Assert.Equal(text, SecretRedactor.For(["s3cr3t"]).Redact(text));
        Assert.Equal(text, SecretRedactor.None.Redact(text));
    }

    [Fact]
    public void For_EmptySecrets_RedactNothing()
    {
        var redactor = SecretRedactor.For(["", ""]);

        Assert.Equal("abc", redactor.Redact("abc"));
        Assert.Equal(0, redactor.LongestMatch);
    }

    [Theory]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc",     new[] { "Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc", "eyJhbGciOiJIUzI1NiJ9.e30.abc" })]
    [InlineData("Basic dXNlcm5hbWU6cGFzc3dvcmQ=",          new[] { "Basic dXNlcm5hbWU6cGFzc3dvcmQ=", "dXNlcm5hbWU6cGFzc3dvcmQ=", "username:password" })]
    [InlineData("Basic YTpi",                              new[] { "Basic YTpi" })]
    [InlineData("k3y-with-no-scheme",                      new[] { "k3y-with-no-scheme" })]
    [InlineData("Token short",                             new[] { "Token short" })]
    public void SpellingsOf_SecretHeaderValue_AreTheValueAndItsCredentials(string value, string[] expected)
    {
        Assert.Equal(expected, SecretRedactor.SpellingsOf(value));
    }

    [Fact]
    public void LongestMatch_IsEnoughForTheWordiestEscapeOfEveryCharacter()
    {
        const string Secret = "\"&'<>";
        var wordiest = string.Concat(Secret.Select(c => "&#x0000" + ((int)c).ToString("X", CultureInfo.InvariantCulture) + ";"));

        Assert.InRange(wordiest.Length, 1, SecretRedactor.For([Secret]).LongestMatch);
        Assert.Equal(Mark, SecretRedactor.For([Secret]).Redact(wordiest));
    }

    // 0 as is, 1 upper case, 2 lower case, 3 %HH, 4 %hh, 5 \uHHHH, 6 \xhh, 7 &#DD;, 8 &#x0HH;, 9 short or named
    // escape where the character has one, 10 '+' for a space, 11 &#00DD;.
    private static string Write(string secret, int[] choices)
    {
        var written = new StringBuilder();
        var i = 0;
        foreach (var rune in secret.EnumerateRunes())
        {
            var text = rune.ToString();
            var choice = Math.Abs(choices[i++ % choices.Length] % 12);
            written.Append(choice switch
            {
                1 => text.ToUpperInvariant(),
                2 => text.ToLowerInvariant(),
                3 => Percent(text, "X2"),
                4 => Percent(text, "x2"),
                5 => string.Concat(text.Select(c => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture))),
                6 when rune.Value < 0x100 => "\\x" + rune.Value.ToString("x2", CultureInfo.InvariantCulture),
                7 => "&#" + rune.Value.ToString(CultureInfo.InvariantCulture) + ";",
                8 => "&#x0" + rune.Value.ToString("X", CultureInfo.InvariantCulture) + ";",
                9 when Named(rune.Value) is { } named => named,
                10 when rune.Value == ' ' => "+",
                11 => "&#00" + rune.Value.ToString(CultureInfo.InvariantCulture) + ";",
                _ => text,
            });
        }

        return written.ToString();
    }

    private static string Percent(string text, string format) =>
        string.Concat(Encoding.UTF8.GetBytes(text).Select(b => "%" + b.ToString(format, CultureInfo.InvariantCulture)));

    private static string? Named(int c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '/' => "\\/",
        '\t' => "\\t",
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '\'' => "&apos;",
        _ => null,
    };
}
