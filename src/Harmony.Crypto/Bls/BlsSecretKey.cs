using System.Security.Cryptography;
using Harmony.Crypto.Bls12381;

namespace Harmony.Crypto.Bls;

/// <summary>
/// A BLS secret key: a scalar in [1, r). The scalar lives in a private array that <see cref="Dispose"/> zeroes.
/// Key generation, parsing and every use in signing are constant-time in the key.
/// </summary>
public sealed class BlsSecretKey : IDisposable
{
    /// <summary>Size of the big-endian encoding.</summary>
    public const int Size = 32;

    private static readonly byte[] KeyGenSalt = "BLS-SIG-KEYGEN-SALT-"u8.ToArray();

    private readonly ulong[] _scalar;
    private bool _disposed;

    private BlsSecretKey(ulong[] scalar)
    {
        _scalar = scalar;
    }

    /// <summary>The scalar as four little-endian words; throws once the key is disposed.</summary>
    internal ReadOnlySpan<ulong> Scalar
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _scalar;
        }
    }

    /// <summary>Generates a key from 32 bytes of the system CSPRNG through <see cref="KeyGen"/>.</summary>
    public static BlsSecretKey Generate()
    {
        Span<byte> ikm = stackalloc byte[32];
        RandomNumberGenerator.Fill(ikm);
        try
        {
            return KeyGen(ikm);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ikm);
        }
    }

    /// <summary>
    /// KeyGen of draft-irtf-cfrg-bls-signature-05 §2.3 (EIP-2333 compatible): HKDF-SHA-256 over the input key
    /// material with the salt "BLS-SIG-KEYGEN-SALT-", re-salted until the reduced value is non-zero.
    /// </summary>
    /// <param name="inputKeyMaterial">At least 32 bytes of secret randomness.</param>
    /// <param name="keyInfo">Optional application-specific information.</param>
    public static BlsSecretKey KeyGen(ReadOnlySpan<byte> inputKeyMaterial, ReadOnlySpan<byte> keyInfo = default)
    {
        if (inputKeyMaterial.Length < 32)
        {
            throw new ArgumentException("KeyGen needs at least 32 bytes of input key material.", nameof(inputKeyMaterial));
        }

        const int OutputLength = 48;
        byte[] ikm = new byte[inputKeyMaterial.Length + 1];
        byte[] info = new byte[keyInfo.Length + 2];
        Span<byte> salt = stackalloc byte[32];
        Span<byte> prk = stackalloc byte[32];
        Span<byte> okm = stackalloc byte[OutputLength];
        var scalar = new ulong[4];
        try
        {
            inputKeyMaterial.CopyTo(ikm);
            keyInfo.CopyTo(info);
            info[^2] = 0;
            info[^1] = OutputLength;
            SHA256.HashData(KeyGenSalt, salt);
            while (true)
            {
                HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt, prk);
                HKDF.Expand(HashAlgorithmName.SHA256, prk, okm, info);
                ScalarField.ReduceBigEndian(okm, scalar);
                if (!ScalarField.IsZero(scalar))
                {
                    return new BlsSecretKey(scalar);
                }

                SHA256.HashData(salt, salt);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ikm);
            CryptographicOperations.ZeroMemory(prk);
            CryptographicOperations.ZeroMemory(okm);
        }
    }

    /// <summary>Parses 32 big-endian bytes; false for zero or a value not below r.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bigEndian, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BlsSecretKey? key)
    {
        key = null;
        if (bigEndian.Length != Size)
        {
            return false;
        }

        var scalar = new ulong[4];
        if (!ScalarField.TryRead(bigEndian, scalar) || ScalarField.IsZero(scalar))
        {
            Array.Clear(scalar);
            return false;
        }

        key = new BlsSecretKey(scalar);
        return true;
    }

    /// <summary>Parses 32 big-endian bytes, throwing <see cref="BlsFormatException"/> for zero, r or more, or a wrong length.</summary>
    public static BlsSecretKey FromBytes(ReadOnlySpan<byte> bigEndian) =>
        TryFromBytes(bigEndian, out var key)
            ? key
            : throw new BlsFormatException($"Invalid BLS secret key: expected {Size} big-endian bytes of a non-zero value below the group order.");

    /// <summary>Writes the key as 32 big-endian bytes.</summary>
    public void WriteBytes(Span<byte> destination) => ScalarField.Write(Scalar, destination);

    /// <summary>The key as 32 big-endian bytes; the caller owns (and should clear) the array.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        WriteBytes(bytes);
        return bytes;
    }

    /// <summary>Zeroes the scalar; later uses throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Array.Clear(_scalar);
        _disposed = true;
    }

    /// <summary>Never prints the key.</summary>
    public override string ToString() => "BlsSecretKey(…)";
}
