using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Bls;

/// <summary>
/// Harmony's encrypted BLS key file (<c>&lt;public-key-hex&gt;.key</c>, spec/harmony.md §3.6): AES-256-GCM whose key is
/// the 32 ASCII characters of the lowercase hex MD5 of the whitespace-trimmed passphrase (Harmony uses no KDF, so a
/// weak passphrase is weak protection: keep these files private). The plaintext is the ASCII hex of the 32-byte
/// little-endian secret key; the file holds the hex (or, accepted on reading, the raw bytes) of
/// <c>nonce(12) ‖ ciphertext(64) ‖ tag(16)</c>. Secret buffers are zeroed after use.
/// </summary>
public static class HarmonyBlsKeyFile
{
    /// <summary>The file extension of key files.</summary>
    public const string Extension = ".key";

    /// <summary>The extension of the optional passphrase file kept beside a key file.</summary>
    public const string PassphraseExtension = ".pass";

    /// <summary>The length of the raw (binary) content: nonce, ciphertext of the 64 hex characters, tag.</summary>
    public const int RawLength = NonceSize + (2 * BlsSecretKey.Size) + TagSize;

    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>Decrypts key-file content (hex text, with surrounding whitespace allowed, or raw bytes).</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="passphrase">The passphrase (trimmed before use; empty for Harmony's localnet keys).</param>
    /// <param name="secretKey">The key, or <see langword="null"/>; the caller disposes it.</param>
    /// <param name="error">Why decryption failed, or <see langword="null"/>.</param>
    /// <returns>Whether the content decrypted to a valid secret key.</returns>
    public static bool TryDecrypt(ReadOnlySpan<byte> content, string passphrase, [NotNullWhen(true)] out BlsSecretKey? secretKey, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        secretKey = null;
        Span<byte> raw = stackalloc byte[RawLength];
        if (!TryReadRaw(content, raw))
        {
            error = $"A BLS key file holds {RawLength} bytes or their {2 * RawLength} hex characters; this content has {content.Length} bytes.";
            return false;
        }

        Span<byte> aesKey = stackalloc byte[32];
        Span<byte> plainHex = stackalloc byte[2 * BlsSecretKey.Size];
        Span<byte> littleEndian = stackalloc byte[BlsSecretKey.Size];
        try
        {
            DeriveAesKey(passphrase, aesKey);
            using var aes = new AesGcm(aesKey, TagSize);
            try
            {
                aes.Decrypt(raw[..NonceSize], raw[NonceSize..^TagSize], raw[^TagSize..], plainHex);
            }
            catch (AuthenticationTagMismatchException)
            {
                error = "The key file does not decrypt with this passphrase (or it was altered).";
                return false;
            }

            if (!TryParseHex(plainHex, littleEndian))
            {
                error = "The decrypted key is not 64 hex characters.";
                return false;
            }

            if (!HarmonyBlsScheme.Instance.TryDecodeSecretKey(littleEndian, out secretKey))
            {
                error = "The decrypted key is zero or not below the group order.";
                return false;
            }

            error = null;
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(aesKey);
            CryptographicOperations.ZeroMemory(plainHex);
            CryptographicOperations.ZeroMemory(littleEndian);
        }
    }

    /// <summary>Decrypts key-file content, throwing <see cref="BlsFormatException"/> with the reason on failure.</summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="passphrase">The passphrase.</param>
    /// <returns>The secret key; the caller disposes it.</returns>
    public static BlsSecretKey Decrypt(ReadOnlySpan<byte> content, string passphrase) =>
        TryDecrypt(content, passphrase, out var key, out var error) ? key : throw new BlsFormatException(error);

    /// <summary>Encrypts a secret key as key-file content (lowercase hex text) with a fresh random nonce.</summary>
    /// <param name="secretKey">The key.</param>
    /// <param name="passphrase">The passphrase (trimmed before use).</param>
    /// <returns>The file content: 184 ASCII hex characters.</returns>
    public static byte[] Encrypt(BlsSecretKey secretKey, string passphrase)
    {
        Span<byte> nonce = stackalloc byte[NonceSize];
        RandomNumberGenerator.Fill(nonce);
        return Encrypt(secretKey, passphrase, nonce);
    }

    /// <summary>Encrypts a secret key with a caller-chosen nonce, which must never repeat for one passphrase.</summary>
    /// <param name="secretKey">The key.</param>
    /// <param name="passphrase">The passphrase (trimmed before use).</param>
    /// <param name="nonce">12 bytes, unique per encryption under the same passphrase.</param>
    /// <returns>The file content: 184 ASCII hex characters.</returns>
    public static byte[] Encrypt(BlsSecretKey secretKey, string passphrase, ReadOnlySpan<byte> nonce)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        ArgumentNullException.ThrowIfNull(passphrase);
        if (nonce.Length != NonceSize)
        {
            throw new ArgumentException($"The nonce is {NonceSize} bytes, not {nonce.Length}.", nameof(nonce));
        }

        Span<byte> raw = stackalloc byte[RawLength];
        Span<byte> aesKey = stackalloc byte[32];
        Span<byte> littleEndian = stackalloc byte[BlsSecretKey.Size];
        Span<byte> plainHex = stackalloc byte[2 * BlsSecretKey.Size];
        try
        {
            HarmonyBlsScheme.Instance.EncodeSecretKey(secretKey, littleEndian);
            WriteLowerHex(littleEndian, plainHex);
            DeriveAesKey(passphrase, aesKey);
            nonce.CopyTo(raw);
            using var aes = new AesGcm(aesKey, TagSize);
            aes.Encrypt(raw[..NonceSize], plainHex, raw[NonceSize..^TagSize], raw[^TagSize..]);
            return System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(raw));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(aesKey);
            CryptographicOperations.ZeroMemory(littleEndian);
            CryptographicOperations.ZeroMemory(plainHex);
        }
    }

    /// <summary>The file name Harmony gives a key: the public key's mcl hex plus <see cref="Extension"/>.</summary>
    /// <param name="publicKey">The public key.</param>
    /// <returns>For example <c>02c8ff0b…a917.key</c>.</returns>
    public static string FileName(in BlsPublicKey publicKey) =>
        Convert.ToHexStringLower(HarmonyBlsScheme.Instance.EncodePublicKey(publicKey)) + Extension;

    /// <summary>
    /// Loads and decrypts a key file. Without a passphrase, the <c>.pass</c> file beside it is used when present,
    /// otherwise the empty passphrase. When the file is named after a public key, the decrypted key must match it.
    /// </summary>
    /// <param name="path">The <c>.key</c> file.</param>
    /// <param name="passphrase">The passphrase, or <see langword="null"/> to look for the <c>.pass</c> file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The secret key; the caller disposes it.</returns>
    public static async Task<BlsSecretKey> LoadAsync(string path, string? passphrase = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (passphrase is null)
        {
            string passPath = Path.ChangeExtension(path, PassphraseExtension);
            passphrase = File.Exists(passPath) ? await File.ReadAllTextAsync(passPath, cancellationToken).ConfigureAwait(false) : string.Empty;
        }

        byte[] content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        if (!TryDecrypt(content, passphrase, out var key, out var error))
        {
            throw new BlsFormatException($"{Path.GetFileName(path)}: {error}");
        }

        string name = Path.GetFileNameWithoutExtension(path);
        if (name.Length == 2 * MclPointEncoding.G1Size && !name.Equals(Convert.ToHexStringLower(HarmonyBlsScheme.Instance.EncodePublicKey(HarmonyBlsScheme.Instance.GetPublicKey(key))), StringComparison.OrdinalIgnoreCase))
        {
            key.Dispose();
            throw new BlsFormatException($"{Path.GetFileName(path)}: the decrypted key's public key does not match the file name.");
        }

        return key;
    }

    /// <summary>Encrypts a key and writes it to <c>&lt;directory&gt;/&lt;public-key-hex&gt;.key</c>.</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="secretKey">The key.</param>
    /// <param name="passphrase">The passphrase.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The path written.</returns>
    public static async Task<string> SaveAsync(string directory, BlsSecretKey secretKey, string passphrase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string path = Path.Combine(directory, FileName(HarmonyBlsScheme.Instance.GetPublicKey(secretKey)));
        await File.WriteAllBytesAsync(path, Encrypt(secretKey, passphrase), cancellationToken).ConfigureAwait(false);
        return path;
    }

    private static bool TryReadRaw(ReadOnlySpan<byte> content, Span<byte> raw)
    {
        if (content.Length == RawLength && !IsHexText(content))
        {
            content.CopyTo(raw);
            return true;
        }

        var text = content.Trim(" \t\r\n"u8);
        if (text.Length != 2 * RawLength || !IsHexText(text))
        {
            return false;
        }

        return TryParseHex(text, raw);
    }

    private static bool IsHexText(ReadOnlySpan<byte> text)
    {
        foreach (byte b in text)
        {
            if (!char.IsAsciiHexDigit((char)b))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses ASCII hex into bytes without an intermediate string, so secret digits can be zeroed.</summary>
    private static bool TryParseHex(ReadOnlySpan<byte> ascii, Span<byte> destination)
    {
        if (ascii.Length != 2 * destination.Length)
        {
            return false;
        }

        for (int i = 0; i < destination.Length; i++)
        {
            int high = HexValue(ascii[2 * i]);
            int low = HexValue(ascii[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int HexValue(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        _ => -1,
    };

    private static void DeriveAesKey(string passphrase, Span<byte> aesKey)
    {
        byte[] passphraseBytes = System.Text.Encoding.UTF8.GetBytes(passphrase.Trim());
        Span<byte> digest = stackalloc byte[16];
        try
        {
#pragma warning disable CA5351 // MD5 is what Harmony's key-file format uses; it is not our choice of KDF.
            MD5.HashData(passphraseBytes, digest);
#pragma warning restore CA5351
            WriteLowerHex(digest, aesKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passphraseBytes);
            CryptographicOperations.ZeroMemory(digest);
        }
    }

    private static void WriteLowerHex(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        const string Digits = "0123456789abcdef";
        for (int i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = (byte)Digits[bytes[i] >> 4];
            destination[(2 * i) + 1] = (byte)Digits[bytes[i] & 0xF];
        }
    }
}
