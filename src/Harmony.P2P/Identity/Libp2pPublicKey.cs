using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Harmony.Crypto.Ed25519;
using Harmony.Crypto.Secp256k1;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Protobuf;

namespace Harmony.P2P.Identity;

/// <summary>
/// A libp2p public key (Ed25519 or secp256k1): the raw key bytes, their protobuf encoding
/// (<c>PublicKey { Type = 1; Data = 2 }</c>), the peer id derived from it and signature verification.
/// </summary>
public sealed class Libp2pPublicKey : IEquatable<Libp2pPublicKey>
{
    /// <summary>The largest encoded public key accepted from the wire, in bytes.</summary>
    public const int MaxEncodedLength = 1024;

    private readonly byte[] _data;
    private readonly byte[] _encoded;
    private readonly Secp256k1PublicKey _secp256k1;

    // The Ed25519 key, decoded on the first verification (many keys read from the wire are never used to verify).
    // A 32-byte value that is not a valid point stays a well-formed libp2p key with a peer id; its signatures fail.
    private Ed25519PublicKey? _ed25519;

    private Libp2pPublicKey(Libp2pKeyType type, byte[] data, Secp256k1PublicKey secp256k1)
    {
        Type = type;
        _data = data;
        _secp256k1 = secp256k1;
        var writer = new ProtoBufferWriter();
        writer.WriteVarint(1, (ulong)type);
        writer.WriteBytes(2, data);
        _encoded = writer.ToArray();
        PeerId = PeerId.FromEncodedPublicKey(_encoded);
    }

    /// <summary>The key type.</summary>
    public Libp2pKeyType Type { get; }

    /// <summary>The raw key: 32 bytes for Ed25519, the 33-byte compressed point for secp256k1.</summary>
    public ReadOnlySpan<byte> Data => _data;

    /// <summary>The deterministic protobuf encoding, the input of the peer id.</summary>
    public ReadOnlySpan<byte> Encoded => _encoded;

    /// <summary>The peer id of this key.</summary>
    public PeerId PeerId { get; }

    /// <summary>Reads a protobuf-encoded public key of a supported type, checking the key bytes.</summary>
    /// <param name="encoded">The protobuf bytes.</param>
    /// <param name="key">The key, or <see langword="null"/>.</param>
    /// <returns>Whether the bytes are a well-formed Ed25519 or secp256k1 public key.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out Libp2pPublicKey? key)
    {
        key = null;
        if (encoded.Length > MaxEncodedLength)
        {
            return false;
        }

        var reader = new ProtoReader(encoded);
        ulong? type = null;
        ReadOnlySpan<byte> data = default;
        bool hasData = false;
        while (reader.TryReadField(out int field, out ProtoWireType wireType, out ulong value, out var bytes))
        {
            if (field == 1 && wireType == ProtoWireType.Varint)
            {
                type = value;
            }
            else if (field == 2 && wireType == ProtoWireType.LengthDelimited)
            {
                data = bytes;
                hasData = true;
            }
        }

        if (reader.Malformed || type is null || !hasData)
        {
            return false;
        }

        return TryCreate((Libp2pKeyType)type.Value, data, out key);
    }

    /// <summary>Creates a key from its type and raw bytes.</summary>
    /// <param name="type">Ed25519 or secp256k1.</param>
    /// <param name="data">32 bytes for Ed25519; a 33-byte compressed (or 65-byte uncompressed) point for secp256k1.</param>
    /// <param name="key">The key, or <see langword="null"/>.</param>
    /// <returns>Whether the key is of a supported type and well formed.</returns>
    public static bool TryCreate(Libp2pKeyType type, ReadOnlySpan<byte> data, [NotNullWhen(true)] out Libp2pPublicKey? key)
    {
        key = null;
        switch (type)
        {
            case Libp2pKeyType.Ed25519 when data.Length == Ed25519PublicKey.Length:
                key = new Libp2pPublicKey(type, data.ToArray(), default);
                return true;
            case Libp2pKeyType.Secp256k1 when Secp256k1PublicKey.TryParse(data, out var point):
                key = new Libp2pPublicKey(type, point.ToCompressed(), point);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Verifies a libp2p signature by this key: Ed25519 over the message (RFC 8032, cofactorless, S &lt; L and canonical
    /// encodings required, as <see cref="Ed25519PublicKey"/> documents), or DER ECDSA over SHA-256(message).
    /// </summary>
    /// <param name="message">The signed bytes.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>Whether the signature is valid.</returns>
    public bool Verify(ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (Type == Libp2pKeyType.Ed25519)
        {
            // Racing threads may both decode; either result is the same immutable key.
            Ed25519PublicKey? ed25519 = Volatile.Read(ref _ed25519);
            if (ed25519 is null)
            {
                if (!Ed25519PublicKey.TryDecode(_data, out ed25519))
                {
                    return false;
                }

                Volatile.Write(ref _ed25519, ed25519);
            }

            return ed25519.Verify(message, signature);
        }

        if (!Secp256k1Der.TryDecode(signature, out var parsed))
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(message, hash);
        return _secp256k1.Verify(hash, parsed);
    }

    /// <inheritdoc />
    public bool Equals(Libp2pPublicKey? other) => other is not null && _encoded.AsSpan().SequenceEqual(other._encoded);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Libp2pPublicKey);

    /// <inheritdoc />
    public override int GetHashCode() => PeerId.GetHashCode();

    /// <summary>The key type and peer id.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"{Type} {PeerId}";
}
