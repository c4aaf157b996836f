using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FunctionScheduler.Contracts;

/// <summary>
/// Verifies <see cref="SignatureHeaders.Signature"/> on a received request, for receivers written in .NET (this
/// package has no dependencies) and for tests. It recomputes the HMAC under each key it holds, compares in constant
/// time with every <c>v1</c> of the header and rejects timestamps more than the tolerance (default 5 minutes) away
/// from now. A request is valid when any signature matches any key, so a receiver that holds the old and the new key
/// during a rotation accepts calls signed with either or both. It does not deduplicate: receivers do that on
/// <see cref="SignatureHeaders.RunId"/>.
/// </summary>
public sealed class SignatureVerifier
{
    /// <summary>How far a signature's timestamp may be from now, either way.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private readonly byte[][] _keys;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _tolerance;

    /// <summary>A verifier for one key, <paramref name="secret"/>, written as the scheduler's configuration writes it.</summary>
    public SignatureVerifier(string secret, TimeProvider? timeProvider = null, TimeSpan? tolerance = null)
        : this([secret], timeProvider, tolerance)
    {
    }

    /// <summary>A verifier that accepts a signature by any of <paramref name="secrets"/> (at least one).</summary>
    public SignatureVerifier(IEnumerable<string> secrets, TimeProvider? timeProvider = null, TimeSpan? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        _keys = [.. secrets.Select(secret => SigningKey.GetBytes(secret, nameof(secrets)))];
        if (_keys.Length == 0)
        {
            throw new ArgumentException("Give at least one signing secret.", nameof(secrets));
        }

        _timeProvider = timeProvider ?? TimeProvider.System;
        _tolerance = tolerance ?? DefaultTolerance;
    }

    /// <summary>Checks a signature over a text body (UTF-8, as the scheduler sends it).</summary>
    public SignatureCheck Verify(string? signatureHeader, string? runId, string? body) =>
        Verify(signatureHeader, runId, Encoding.UTF8.GetBytes(body ?? ""));

    /// <summary>Checks <paramref name="signatureHeader"/> against the raw request body bytes and the run id header.</summary>
    public SignatureCheck Verify(string? signatureHeader, string? runId, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signatureHeader) || string.IsNullOrEmpty(runId))
        {
            return SignatureCheck.Missing;
        }

        if (!TryParse(signatureHeader, out var seconds, out var signatures))
        {
            return SignatureCheck.Malformed;
        }

        var now = _timeProvider.GetUtcNow();
        if (seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > _tolerance)
        {
            return SignatureCheck.Expired;
        }

        var matched = false;
        foreach (var key in _keys)
        {
            var expected = SignatureAlgorithm.Compute(key, seconds, runId, body);
            foreach (var candidate in signatures)
            {
                // Every pair is compared, so the time taken says nothing about which key or entry matched.
                matched |= CryptographicOperations.FixedTimeEquals(expected, candidate);
            }
        }

        return matched ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    // Accepts "t=<digits>" once and one or more "v1=<64 hex>" in any order; unknown keys are ignored so that a later
    // scheme (v2=) can be added beside v1 without breaking this verifier.
    private static bool TryParse(string header, out long seconds, out List<byte[]> signatures)
    {
        seconds = 0;
        signatures = [];
        var sawTimestamp = false;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return false;
            }

            var key = part[..equals];
            var value = part.AsSpan(equals + 1);
            if (key == SignatureAlgorithm.TimestampKey)
            {
                if (sawTimestamp || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
                {
                    return false;
                }

                sawTimestamp = true;
            }
            else if (key == SignatureAlgorithm.SignatureKey)
            {
                var bytes = new byte[SignatureAlgorithm.HashBytes];
                if (value.Length != SignatureAlgorithm.HashBytes * 2
                    || Convert.FromHexString(value, bytes, out _, out _) != OperationStatus.Done)
                {
                    return false;
                }

                signatures.Add(bytes);
            }
        }

        return sawTimestamp && signatures.Count > 0;
    }
}
