using System.Diagnostics.CodeAnalysis;

namespace Harmony.Crypto.Encoding;

/// <summary>
/// Bech32 (BIP-173) encoding of byte strings, as used by Harmony's <c>one1…</c> account addresses.
/// </summary>
/// <remarks>
/// Data is given and returned as 8-bit bytes; the 5-bit regrouping, the checksum and every BIP-173 rule
/// (length ≤ 90, human-readable part of 1–83 printable characters, no mixed case, zero padding bits) are
/// handled here. Decoding never throws from the <c>Try</c> form.
/// </remarks>
public static class Bech32
{
    /// <summary>Longest string BIP-173 allows.</summary>
    public const int MaxLength = 90;

    private const string Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int ChecksumLength = 6;
    private static readonly uint[] Generator = [0x3b6a57b2u, 0x26508e6du, 0x1ea119fau, 0x3d4233ddu, 0x2a1462b3u];

    /// <summary>Encodes <paramref name="data"/> under the human-readable part <paramref name="hrp"/>.</summary>
    /// <param name="hrp">Human-readable part, e.g. <c>one</c>; it is written in lower case.</param>
    /// <param name="data">The bytes to encode (a Harmony address is 20 bytes).</param>
    /// <returns>The lower-case Bech32 string.</returns>
    /// <exception cref="ArgumentException">The hrp is empty, too long or has characters outside 33–126, or the result would exceed 90 characters.</exception>
    public static string Encode(string hrp, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(hrp);
        string lowerHrp = hrp.ToLowerInvariant();
        if (!IsValidHrp(lowerHrp, out string? reason))
        {
            throw new ArgumentException(reason, nameof(hrp));
        }

        Span<byte> values = stackalloc byte[((data.Length * 8) + 4) / 5];
        ConvertBits8To5(data, values);
        return EncodeValues(lowerHrp, values);
    }

    /// <summary>Encodes 5-bit values (each 0–31) under an already validated lower-case hrp.</summary>
    internal static string EncodeValues(string lowerHrp, ReadOnlySpan<byte> values)
    {
        int total = lowerHrp.Length + 1 + values.Length + ChecksumLength;
        if (total > MaxLength)
        {
            throw new ArgumentException($"The encoding under '{lowerHrp}' needs {total} characters; Bech32 allows {MaxLength}.", nameof(values));
        }

        Span<byte> checksum = stackalloc byte[ChecksumLength];
        WriteChecksum(lowerHrp, values, checksum);
        Span<char> chars = stackalloc char[total];
        lowerHrp.AsSpan().CopyTo(chars);
        chars[lowerHrp.Length] = '1';
        int o = lowerHrp.Length + 1;
        foreach (byte v in values)
        {
            chars[o++] = Charset[v];
        }

        foreach (byte v in checksum)
        {
            chars[o++] = Charset[v];
        }

        return new string(chars);
    }

    /// <summary>Decodes a Bech32 string, throwing when it breaks a rule.</summary>
    /// <param name="text">The Bech32 string.</param>
    /// <returns>The lower-case human-readable part and the decoded bytes.</returns>
    /// <exception cref="FormatException">The string is not valid Bech32; the message names the rule.</exception>
    public static (string Hrp, byte[] Data) Decode(string text)
    {
        if (!TryDecode(text, out string? hrp, out byte[]? data, out string? error))
        {
            throw new FormatException($"Invalid Bech32 string: {error}");
        }

        return (hrp, data);
    }

    /// <summary>Decodes a Bech32 string.</summary>
    /// <param name="text">The Bech32 string (all lower or all upper case).</param>
    /// <param name="hrp">The lower-case human-readable part, when valid.</param>
    /// <param name="data">The decoded bytes, when valid.</param>
    /// <param name="error">Why the string is invalid, when it is.</param>
    /// <returns>Whether <paramref name="text"/> is valid Bech32.</returns>
    public static bool TryDecode(
        string? text,
        [NotNullWhen(true)] out string? hrp,
        [NotNullWhen(true)] out byte[]? data,
        [NotNullWhen(false)] out string? error)
    {
        data = null;
        if (!TryDecodeValues(text, out hrp, out byte[]? values, out error))
        {
            return false;
        }

        byte[] bytes = new byte[values.Length * 5 / 8];
        if (!TryConvertBits5To8(values, bytes, out error))
        {
            hrp = null;
            return false;
        }

        data = bytes;
        return true;
    }

    /// <summary>Checks every BIP-173 rule and returns the 5-bit data values without the checksum.</summary>
    internal static bool TryDecodeValues(
        string? text,
        [NotNullWhen(true)] out string? hrp,
        [NotNullWhen(true)] out byte[]? values,
        [NotNullWhen(false)] out string? error)
    {
        hrp = null;
        values = null;
        if (text is null)
        {
            error = "the string is null";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"it has {text.Length} characters; at most {MaxLength} are allowed";
            return false;
        }

        bool hasLower = false, hasUpper = false;
        foreach (char c in text)
        {
            if (c < 33 || c > 126)
            {
                error = $"character U+{(int)c:X4} is outside the printable ASCII range";
                return false;
            }

            hasLower |= c is >= 'a' and <= 'z';
            hasUpper |= c is >= 'A' and <= 'Z';
        }

        if (hasLower && hasUpper)
        {
            error = "it mixes upper and lower case";
            return false;
        }

        string lower = text.ToLowerInvariant();
        int separator = lower.LastIndexOf('1');
        if (separator < 1)
        {
            error = "the separator '1' is missing or the human-readable part is empty";
            return false;
        }

        if (lower.Length - separator - 1 < ChecksumLength)
        {
            error = "the data part is shorter than the 6-character checksum";
            return false;
        }

        string candidateHrp = lower[..separator];
        if (!IsValidHrp(candidateHrp, out error))
        {
            return false;
        }

        ReadOnlySpan<char> dataChars = lower.AsSpan(separator + 1);
        Span<byte> decoded = stackalloc byte[dataChars.Length];
        for (int i = 0; i < dataChars.Length; i++)
        {
            int v = Charset.IndexOf(dataChars[i], StringComparison.Ordinal);
            if (v < 0)
            {
                error = $"character '{dataChars[i]}' at position {separator + 1 + i} is not in the Bech32 alphabet";
                return false;
            }

            decoded[i] = (byte)v;
        }

        if (Polymod(candidateHrp, decoded) != 1)
        {
            error = "the checksum does not match";
            return false;
        }

        hrp = candidateHrp;
        values = decoded[..^ChecksumLength].ToArray();
        error = null;
        return true;
    }

    private static bool IsValidHrp(string hrp, [NotNullWhen(false)] out string? reason)
    {
        if (hrp.Length is < 1 or > 83)
        {
            reason = $"the human-readable part has {hrp.Length} characters; 1 to 83 are allowed";
            return false;
        }

        foreach (char c in hrp)
        {
            if (c < 33 || c > 126)
            {
                reason = $"the human-readable part has character U+{(int)c:X4}, outside 33–126";
                return false;
            }
        }

        reason = null;
        return true;
    }

    private static void ConvertBits8To5(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int acc = 0, bits = 0, o = 0;
        foreach (byte b in input)
        {
            acc = (acc << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                output[o++] = (byte)((acc >> bits) & 31);
            }
        }

        if (bits > 0)
        {
            output[o] = (byte)((acc << (5 - bits)) & 31);
        }
    }

    private static bool TryConvertBits5To8(ReadOnlySpan<byte> input, Span<byte> output, [NotNullWhen(false)] out string? error)
    {
        int acc = 0, bits = 0, o = 0;
        foreach (byte v in input)
        {
            acc = ((acc << 5) | v) & 0xFFF;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output[o++] = (byte)((acc >> bits) & 0xFF);
            }
        }

        if (bits >= 5)
        {
            error = "the data part has a whole unused 5-bit group of padding";
            return false;
        }

        if (((acc << (8 - bits)) & 0xFF) != 0)
        {
            error = "the padding bits are not zero";
            return false;
        }

        error = null;
        return true;
    }

    private static void WriteChecksum(string hrp, ReadOnlySpan<byte> values, Span<byte> checksum)
    {
        Span<byte> withZeros = stackalloc byte[values.Length + ChecksumLength];
        values.CopyTo(withZeros);
        uint mod = Polymod(hrp, withZeros) ^ 1;
        for (int i = 0; i < ChecksumLength; i++)
        {
            checksum[i] = (byte)((mod >> (5 * (5 - i))) & 31);
        }
    }

    private static uint Polymod(string hrp, ReadOnlySpan<byte> values)
    {
        uint chk = 1;
        foreach (char c in hrp)
        {
            chk = Step(chk, (uint)c >> 5);
        }

        chk = Step(chk, 0);
        foreach (char c in hrp)
        {
            chk = Step(chk, (uint)c & 31);
        }

        foreach (byte v in values)
        {
            chk = Step(chk, v);
        }

        return chk;
    }

    private static uint Step(uint chk, uint value)
    {
        uint top = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ value;
        for (int i = 0; i < 5; i++)
        {
            if (((top >> i) & 1) != 0)
            {
                chk ^= Generator[i];
            }
        }

        return chk;
    }
}
