using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Harmony.Crypto.Ed25519;
using Harmony.Crypto.Secp256k1;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Protobuf;

namespace Harmony.P2P.Identity;

/// <summary>
/// A libp2p identity key (Ed25519 or secp256k1) that signs handshakes and records. Ed25519 signing is Harmony.Crypto's
/// constant-time RFC 8032 code (<see cref="Ed25519PrivateKey"/>), secp256k1 signing is Harmony.Crypto's constant-time RFC 6979 ECDSA over SHA-256 of the message with a
/// DER signature, as libp2p specifies. Dispose it to wipe the secret.
/// </summary>
public sealed class Libp2pPrivateKey : IDisposable
{
    private readonly byte[] _secret;
    private readonly Secp256k1PrivateKey? _secp256k1;
    private readonly Ed25519PrivateKey? _ed25519;
    private bool _disposed;

    private Libp2pPrivateKey(Libp2pKeyType type, byte[] secret, Secp256k1PrivateKey? secp256k1, Ed25519PrivateKey? ed25519, Libp2pPublicKey publicKey)
    {
        Type = type;
        _secret = secret;
        _secp256k1 = secp256k1;
        _ed25519 = ed25519;
        PublicKey = publicKey;
    }

    /// <summary>The key type.</summary>
    public Libp2pKeyType Type { get; }

    /// <summary>The public half.</summary>
    public Libp2pPublicKey PublicKey { get; }

    /// <summary>The peer id of this identity.</summary>
    public PeerId PeerId => PublicKey.PeerId;

    /// <summary>Generates an Ed25519 identity from the system's cryptographic random source.</summary>
    /// <returns>The key.</returns>
    public static Libp2pPrivateKey GenerateEd25519() => GenerateEd25519(RandomNumberGenerator.Create());

    /// <summary>Generates an Ed25519 identity from the given random source.</summary>
    /// <param name="random">The random source (a seeded one makes tests reproducible).</param>
    /// <returns>The key.</returns>
    public static Libp2pPrivateKey GenerateEd25519(RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var seed = new byte[32];
        random.GetBytes(seed);
        return FromEd25519Seed(seed);
    }

    /// <summary>Generates a secp256k1 identity from the given random source.</summary>
    /// <param name="random">The random source.</param>
    /// <returns>The key.</returns>
    public static Libp2pPrivateKey GenerateSecp256k1(RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var key = Secp256k1PrivateKey.Generate(random);
        var secret = new byte[32];
        key.WriteSecret(secret);
        return FromSecp256k1(secret, key);
    }

    /// <summary>Creates an Ed25519 identity from its 32-byte seed (the RFC 8032 private key).</summary>
    /// <param name="seed">The seed; copied.</param>
    /// <returns>The key.</returns>
    public static Libp2pPrivateKey FromEd25519Seed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != 32)
        {
            throw new ArgumentException($"An Ed25519 seed is 32 bytes, got {seed.Length}.", nameof(seed));
        }

        var ed25519 = Ed25519PrivateKey.FromSeed(seed);
        Libp2pPublicKey.TryCreate(Libp2pKeyType.Ed25519, ed25519.PublicKey.Encoded, out var publicKey);
        return new Libp2pPrivateKey(Libp2pKeyType.Ed25519, seed.ToArray(), null, ed25519, publicKey!);
    }

    /// <summary>Reads a protobuf-encoded private key (<c>PrivateKey { Type = 1; Data = 2 }</c>) of a supported type.</summary>
    /// <param name="encoded">The protobuf bytes: Ed25519 data is seed ‖ public key (64 bytes), secp256k1 data the 32-byte secret.</param>
    /// <param name="key">The key, or <see langword="null"/>.</param>
    /// <returns>Whether the bytes are a valid key whose embedded public half (Ed25519) matches the seed.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out Libp2pPrivateKey? key)
    {
        key = null;
        var reader = new ProtoReader(encoded);
        ulong? type = null;
        ReadOnlySpan<byte> data = default;
        while (reader.TryReadField(out int field, out ProtoWireType wireType, out ulong value, out var bytes))
        {
            if (field == 1 && wireType == ProtoWireType.Varint)
            {
                type = value;
            }
            else if (field == 2 && wireType == ProtoWireType.LengthDelimited)
            {
                data = bytes;
            }
        }

        if (reader.Malformed || type is null)
        {
            return false;
        }

        if (type == (ulong)Libp2pKeyType.Ed25519 && data.Length == 64)
        {
            var candidate = FromEd25519Seed(data[..32]);
            if (!candidate.PublicKey.Data.SequenceEqual(data[32..]))
            {
                candidate.Dispose();
                return false;
            }

            key = candidate;
            return true;
        }

        if (type == (ulong)Libp2pKeyType.Secp256k1 && Secp256k1PrivateKey.TryFromBytes(data, out var secp))
        {
            key = FromSecp256k1(data.ToArray(), secp);
            return true;
        }

        return false;
    }

    /// <summary>The protobuf encoding of this private key.</summary>
    /// <returns>The bytes; they contain the secret.</returns>
    public byte[] Encode()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var writer = new ProtoBufferWriter();
        writer.WriteVarint(1, (ulong)Type);
        if (Type == Libp2pKeyType.Ed25519)
        {
            var data = new byte[64];
            _secret.CopyTo(data, 0);
            PublicKey.Data.CopyTo(data.AsSpan(32));
            writer.WriteBytes(2, data);
            CryptographicOperations.ZeroMemory(data);
        }
        else
        {
            writer.WriteBytes(2, _secret);
        }

        return writer.ToArray();
    }

    /// <summary>Signs a message the libp2p way for this key type (constant time in the secret).</summary>
    /// <param name="message">The bytes to sign.</param>
    /// <returns>A 64-byte Ed25519 signature or a DER secp256k1 signature.</returns>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_secp256k1 is not null)
        {
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(message, hash);
            return Secp256k1Der.Encode(_secp256k1.Sign(hash));
        }

        return _ed25519!.Sign(message);
    }

    /// <summary>Wipes the secret.</summary>
    public void Dispose()
    {
        _disposed = true;
        CryptographicOperations.ZeroMemory(_secret);
        _secp256k1?.Dispose();
        _ed25519?.Dispose();
    }

    /// <summary>The key type and peer id; never the secret.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Type} private key of {PeerId}";

    private static Libp2pPrivateKey FromSecp256k1(byte[] secret, Secp256k1PrivateKey key)
    {
        Libp2pPublicKey.TryCreate(Libp2pKeyType.Secp256k1, key.PublicKey.ToCompressed(), out var publicKey);
        return new Libp2pPrivateKey(Libp2pKeyType.Secp256k1, secret, key, null, publicKey!);
    }
}
