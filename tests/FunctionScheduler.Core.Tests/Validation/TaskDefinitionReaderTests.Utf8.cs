using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using CsCheck;
using FunctionScheduler.Core.Validation;

namespace FunctionScheduler.Core.Tests.Validation;

/// <summary>
/// Bytes that are not text, in every string of a definition (each property name and each value, full and short
/// form): the body is refused with the one <c>json</c> error, never an exception from whichever field held them.
/// </summary>
public sealed partial class TaskDefinitionReaderTests
{
    private const int SamplesPerString = 60;

    private static readonly string[] EveryStringBodies =
    [
        """
        {"id":"nightly-report","name":"Nightly report","description":"Builds the report.","group":"reports",
         "schedule":{"cron":"0 30 2 * * *","timeZone":"Europe/Berlin","startAt":"2026-01-01T00:00:00Z",
           "endAt":"2027-01-01T00:00:00Z","maxRuns":10,"jitter":"PT10S",
           "misfire":{"policy":"catchUp","grace":"PT5M","catchUpLimit":3}},
         "target":{"url":"https://worker.example.com/sync","method":"PUT","headers":{"X-Env":"prod"},
           "secretHeaders":{"Authorization":"Bearer abc"},"body":"<report/>","contentType":"application/xml",
           "timeout":"PT45S","retry":{"maxAttempts":5,"initialDelay":"PT2S","maxDelay":"PT20S","maxDuration":"PT3M"}}}
        """,
        """{"id":"task-001","name":"data-sync","description":"d","group":"g","cron":"0 */5 * * * ?","timeZone":"UTC","url":"http://worker.example.com/sync","method":"GET"}""",
        """{"id":"i","interval":"PT1M","url":"https://x.example/"}""",
        """{"id":"o","at":"2026-12-01T08:00:00Z","url":"https://x.example/"}""",
    ];

    // Sequences that are not UTF-8 however they are cut: stray continuation bytes, overlong forms, encoded
    // surrogates, code points past U+10FFFF, bytes that never occur, lead bytes without their continuation; and
    // random runs of bytes that happen to be invalid.
    private static readonly Gen<byte[]> InvalidUtf8 = Gen.OneOf(
        Gen.Byte[0x80, 0xBF].Array[1, 4],
        Gen.Select(Gen.Byte[0xC0, 0xC1], Gen.Byte[0x80, 0xBF], (lead, next) => new[] { lead, next }),
        Gen.Select(Gen.Byte[0xA0, 0xBF], Gen.Byte[0x80, 0xBF], (second, third) => new byte[] { 0xED, second, third }),
        Gen.Select(Gen.Byte[0x80, 0x9F], Gen.Byte[0x80, 0xBF], (second, third) => new byte[] { 0xE0, second, third }),
        Gen.Select(Gen.Byte[0x90, 0xBF], Gen.Byte[0x80, 0xBF], (second, rest) => new byte[] { 0xF4, second, rest, rest }),
        Gen.Byte[0xF5, 0xFF].Array[1, 3],
        Gen.Byte[0xC2, 0xDF].Select(lead => new[] { lead }),
        Gen.Select(Gen.Byte[0xE1, 0xEF], Gen.Byte[0x80, 0xBF].Array[0, 1], (lead, tail) => (byte[])[lead, .. tail]),
        Gen.Select(Gen.Byte[0xF0, 0xF4], Gen.Byte[0x80, 0x8F].Array[0, 2], (lead, tail) => (byte[])[lead, .. tail]),
        Gen.Byte.Array[1, 8].Where(bytes => !Utf8.IsValid(bytes)));

    // JSON escapes that name half a surrogate pair: a high one alone or before something else, a low one alone.
    private static readonly Gen<string> LoneSurrogateEscapes = Gen.OneOf(
        Gen.Int[0xD800, 0xDBFF].Select(high => Escape(high)),
        Gen.Int[0xDC00, 0xDFFF].Select(low => Escape(low)),
        Gen.Select(Gen.Int[0xD800, 0xDBFF], Gen.Int[0x20, 0xD7FF], (high, next) => Escape(high) + Escape(next)),
        Gen.Select(Gen.Int[0xD800, 0xDBFF], Gen.Int[0xD800, 0xDBFF], (high, next) => Escape(high) + Escape(next)),
        Gen.Select(Gen.Int[0xD800, 0xDBFF], Gen.Char['a', 'z'], (high, next) => Escape(high) + next));

    [Fact]
    public void Read_InvalidUtf8InAnyStringOfAnyField_IsTheJsonRuleOnly()
    {
        foreach (var body in EveryStringBodies.Select(Encoding.UTF8.GetBytes))
        {
            foreach (var (start, length) in StringContents(body))
            {
                Gen.Select(InvalidUtf8, Gen.Int[0, length]).Sample(
                    (bad, at) =>
                    {
                        var mutated = Insert(body, start + at, bad);
                        Assert.False(Utf8.IsValid(mutated));
                        AssertJsonRuleOnly(mutated);
                    },
                    iter: SamplesPerString);
            }
        }
    }

    [Fact]
    public void Read_EscapedLoneSurrogateInAnyStringOfAnyField_IsTheJsonRuleOnly()
    {
        foreach (var body in EveryStringBodies.Select(Encoding.UTF8.GetBytes))
        {
            foreach (var (start, length) in StringContents(body))
            {
                Gen.Select(LoneSurrogateEscapes, Gen.Int[0, length]).Sample(
                    (escape, at) => AssertJsonRuleOnly(Insert(body, start + at, Encoding.ASCII.GetBytes(escape))),
                    iter: SamplesPerString);
            }
        }
    }

    [Fact]
    public void Read_InvalidUtf8AnywhereInTheBody_IsTheJsonRuleOnly()
    {
        var body = Encoding.UTF8.GetBytes(EveryStringBodies[0]);

        Gen.Select(InvalidUtf8, Gen.Int[0, body.Length]).Sample(
            (bad, at) => AssertJsonRuleOnly(Insert(body, at, bad)),
            iter: 2000);
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0xC3, 0x22, 0x3A, 0x31, 0x7D }, "byte 2 ")]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D }, "byte 6 ")]
    public void Read_InvalidUtf8_MessageNamesTheFirstBadByte(byte[] body, string expected)
    {
        var error = AssertJsonRuleOnly(body);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EveryStringBody_IsValidBeforeItIsSpoiled()
    {
        foreach (var body in EveryStringBodies)
        {
            Assert.True(TaskDefinitionReader.Read(Encoding.UTF8.GetBytes(body), new DefinitionContext()).IsValid, body);
        }
    }

    private static FieldError AssertJsonRuleOnly(byte[] body)
    {
        var result = TaskDefinitionReader.Read(body, new DefinitionContext());

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ValidationRules.Json, error.Rule);
        Assert.Equal("", error.Pointer);
        return error;
    }

    // Where the content of each property name and string value lies (between its quotes).
    private static List<(int Start, int Length)> StringContents(byte[] body)
    {
        var found = new List<(int, int)>();
        var reader = new Utf8JsonReader(body);
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String)
            {
                found.Add(((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length));
            }
        }

        return found;
    }

    private static byte[] Insert(byte[] body, int at, byte[] inserted) => [.. body.AsSpan(0, at), .. inserted, .. body.AsSpan(at)];

    private static string Escape(int utf16) => "\\u" + utf16.ToString("X4", CultureInfo.InvariantCulture);
}
