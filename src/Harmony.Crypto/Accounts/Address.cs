using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using Harmony.Crypto.Encoding;
using Harmony.Crypto.Hashing;

namespace Harmony.Crypto.Accounts;

/// <summary>
/// A 20-byte account address: the last 20 bytes of Keccak-256 of an uncompressed secp256k1 public key (without
/// its <c>0x04</c> prefix). Harmony shows it as Bech32 with the <c>one</c> prefix; Ethereum tools as EIP-55 hex.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Address : IEquatable<Address>, ISpanFormattable
{
    /// <summary>Length of an address in bytes.</summary>
    public const int Length = 20;

    /// <summary>Bech32 human-readable part of Harmony addresses.</summary>
    public const string HarmonyPrefix = "one";

    private readonly ulong _a;
    private readonly ulong _b;
    private readonly uint _c;

    /// <summary>Creates an address from its 20 bytes.</summary>
    /// <param name="bytes">Exactly 20 bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 20 bytes long.</exception>
    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"An address is {Length} bytes; got {bytes.Length}.", nameof(bytes));
        }

        _a = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _b = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _c = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
    }

    /// <summary>The all-zero address.</summary>
    public static Address Zero => default;

    /// <summary>
    /// Derives the address of a secp256k1 public key given as 64 bytes <c>X ‖ Y</c> or 65 bytes <c>0x04 ‖ X ‖ Y</c>.
    /// The point itself is not validated here; parse it with the secp256k1 types for that.
    /// </summary>
    /// <param name="uncompressedPublicKey">The uncompressed public key.</param>
    /// <returns>The address.</returns>
    /// <exception cref="ArgumentException">The key is neither 64 bytes nor 65 bytes starting with <c>0x04</c>.</exception>
    public static Address FromUncompressedPublicKey(ReadOnlySpan<byte> uncompressedPublicKey)
    {
        ReadOnlySpan<byte> xy = uncompressedPublicKey.Length switch
        {
            64 => uncompressedPublicKey,
            65 when uncompressedPublicKey[0] == 0x04 => uncompressedPublicKey[1..],
            _ => throw new ArgumentException(
                $"An uncompressed public key is 64 bytes (X‖Y) or 65 bytes starting with 0x04; got {uncompressedPublicKey.Length} bytes.",
                nameof(uncompressedPublicKey)),
        };
        Span<byte> hash = stackalloc byte[Keccak256.HashSizeInBytes];
        Keccak256.HashData(xy, hash);
        return new Address(hash[12..]);
    }

    /// <summary>Copies the 20 bytes into <paramref name="destination"/>.</summary>
    /// <param name="destination">At least 20 bytes.</param>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            throw new ArgumentException($"The destination needs {Length} bytes; it has {destination.Length}.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, _a);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _b);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _c);
    }

    /// <summary>The 20 bytes as a new array.</summary>
    /// <returns>A new 20-byte array.</returns>
    public byte[] ToArray()
    {
        byte[] bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>The Harmony form, e.g. <c>one1…</c>.</summary>
    /// <returns>The Bech32 string with the <c>one</c> prefix.</returns>
    public string ToBech32()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        return Bech32.Encode(HarmonyPrefix, bytes);
    }

    /// <summary>The EIP-55 mixed-case checksummed hex form, e.g. <c>0xA94f…bf0B</c>.</summary>
    /// <returns>The checksummed hex string with the <c>0x</c> prefix.</returns>
    public string ToChecksumHex()
    {
        Span<byte> bytes = stackalloc byte[Length];
        WriteTo(bytes);
        Span<char> hex = stackalloc char[2 + (2 * Length)];
        hex[0] = '0';
        hex[1] = 'x';
        Convert.TryToHexStringLower(bytes, hex[2..], out _);
        Span<byte> ascii = stackalloc byte[2 * Length];
        for (int i = 0; i < ascii.Length; i++)
        {
            ascii[i] = (byte)hex[2 + i];
        }

        Span<byte> hash = stackalloc byte[Keccak256.HashSizeInBytes];
        Keccak256.HashData(ascii, hash);
        for (int i = 0; i < ascii.Length; i++)
        {
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            if (nibble >= 8 && hex[2 + i] >= 'a')
            {
                hex[2 + i] = char.ToUpperInvariant(hex[2 + i]);
            }
        }

        return new string(hex);
    }

    /// <summary>
    /// Parses <c>one1…</c> Bech32, or 40 hex digits with or without <c>0x</c>. Mixed-case hex must carry a valid
    /// EIP-55 checksum; all-lower and all-upper hex are accepted as they are.
    /// </summary>
    /// <param name="text">The address text.</param>
    /// <param name="address">The address, when valid.</param>
    /// <param name="error">Why <paramref name="text"/> is not an address, when it is not.</param>
    /// <returns>Whether <paramref name="text"/> is a valid address.</returns>
    public static bool TryParse(string? text, out Address address, [NotNullWhen(false)] out string? error)
    {
        address = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "the address is empty";
            return false;
        }

        if (text.StartsWith(HarmonyPrefix + "1", StringComparison.OrdinalIgnoreCase))
        {
            if (!Bech32.TryDecode(text, out string? hrp, out byte[]? data, out string? bech32Error))
            {
                error = bech32Error;
                return false;
            }

            if (hrp != HarmonyPrefix || data.Length != Length)
            {
                error = $"a Harmony address carries {Length} bytes under '{HarmonyPrefix}'; this one has {data.Length} bytes under '{hrp}'";
                return false;
            }

            address = new Address(data);
            error = null;
            return true;
        }

        ReadOnlySpan<char> digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text.AsSpan(2) : text;
        Span<byte> bytes = stackalloc byte[Length];
        if (digits.Length != 2 * Length || Convert.FromHexString(digits, bytes, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            error = $"expected 'one1…' or {2 * Length} hex digits";
            return false;
        }

        address = new Address(bytes);
        bool hasLower = digits.ContainsAnyInRange('a', 'f');
        bool hasUpper = digits.ContainsAnyInRange('A', 'F');
        if (hasLower && hasUpper && !address.ToChecksumHex().AsSpan(2).SequenceEqual(digits))
        {
            address = default;
            error = "the mixed-case hex does not match its EIP-55 checksum";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Parses an address as <see cref="TryParse"/> does, throwing when it is invalid.</summary>
    /// <param name="text">The address text.</param>
    /// <returns>The address.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not an address; the message says why.</exception>
    public static Address Parse(string text) =>
        TryParse(text, out Address address, out string? error) ? address : throw new FormatException($"Invalid address '{text}': {error}.");

    /// <inheritdoc />
    public bool Equals(Address other) => _a == other._a && _b == other._b && _c == other._c;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Address other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c);

    /// <summary>The Bech32 <c>one1…</c> form.</summary>
    /// <returns>The Bech32 string.</returns>
    public override string ToString() => ToBech32();

    /// <summary>Formats as <c>one1…</c> (format null, empty or <c>B</c>) or as EIP-55 hex (format <c>X</c>).</summary>
    /// <param name="format">null, <c>B</c> or <c>X</c>.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The formatted address.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => format switch
    {
        null or "" or "B" => ToBech32(),
        "X" => ToChecksumHex(),
        _ => throw new FormatException($"Unknown address format '{format}'; use 'B' (Bech32) or 'X' (EIP-55 hex)."),
    };

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        string text = ToString(format.IsEmpty ? null : format.ToString(), CultureInfo.InvariantCulture);
        if (text.AsSpan().TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    /// <summary>Whether two addresses are equal.</summary>
    /// <param name="left">The first address.</param>
    /// <param name="right">The second address.</param>
    /// <returns><see langword="true"/> when both have the same bytes.</returns>
    public static bool operator ==(Address left, Address right) => left.Equals(right);

    /// <summary>Whether two addresses differ.</summary>
    /// <param name="left">The first address.</param>
    /// <param name="right">The second address.</param>
    /// <returns><see langword="true"/> when the bytes differ.</returns>
    public static bool operator !=(Address left, Address right) => !left.Equals(right);
}
