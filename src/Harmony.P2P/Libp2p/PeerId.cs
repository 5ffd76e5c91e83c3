using System.Diagnostics.CodeAnalysis;

namespace Harmony.P2P.Libp2p;

/// <summary>
/// A libp2p peer id: the multihash of the peer's protobuf-encoded public key (the identity multihash for keys of at
/// most 42 encoded bytes, SHA-256 otherwise), written in base58btc. Immutable; compares by bytes.
/// </summary>
public sealed class PeerId : IEquatable<PeerId>
{
    /// <summary>The largest peer id accepted from the wire, in bytes.</summary>
    public const int MaxLength = 128;

    private readonly byte[] _bytes;
    private readonly int _hash;

    private PeerId(byte[] bytes)
    {
        _bytes = bytes;
        var hash = default(HashCode);
        hash.AddBytes(bytes);
        _hash = hash.ToHashCode();
    }

    /// <summary>The multihash bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>The multihash bytes as memory (for protobuf fields and Kademlia peers).</summary>
    public ReadOnlyMemory<byte> Memory => _bytes;

    /// <summary>Reads a peer id from multihash bytes, checking the multihash framing and the length bound.</summary>
    /// <param name="bytes">The multihash.</param>
    /// <param name="peerId">The peer id, or <see langword="null"/>.</param>
    /// <returns>Whether the bytes are a well-formed identity or SHA-256 multihash.</returns>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out PeerId? peerId)
    {
        peerId = null;
        if (bytes.Length < 2 || bytes.Length > MaxLength)
        {
            return false;
        }

        // Multihash: code (0x00 identity or 0x12 sha2-256, both single-byte varints), length (single-byte varint here).
        byte code = bytes[0];
        byte length = bytes[1];
        if ((code != 0x00 && code != 0x12) || length >= 0x80 || bytes.Length != 2 + length)
        {
            return false;
        }

        if (code == 0x12 && length != 32)
        {
            return false;
        }

        peerId = new PeerId(bytes.ToArray());
        return true;
    }

    /// <summary>Parses the base58btc text form (<c>12D3KooW…</c>, <c>Qm…</c>, <c>16Uiu2…</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="peerId">The peer id, or <see langword="null"/>.</param>
    /// <returns>Whether the text is a valid peer id.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PeerId? peerId)
    {
        peerId = null;
        if (string.IsNullOrEmpty(text) || text.Length > 2 * MaxLength)
        {
            return false;
        }

        Span<byte> buffer = stackalloc byte[2 * MaxLength];
        return Base58.TryDecode(text, buffer, out int written) && TryFromBytes(buffer[..written], out peerId);
    }

    /// <summary>Parses the base58btc text form, throwing <see cref="FormatException"/> when it is not a peer id.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The peer id.</returns>
    public static PeerId Parse(string text) =>
        TryParse(text, out var peerId) ? peerId : throw new FormatException($"'{text}' is not a base58btc libp2p peer id.");

    /// <summary>The peer id of a protobuf-encoded libp2p public key (<c>PublicKey { Type, Data }</c>).</summary>
    /// <param name="encodedPublicKey">The protobuf bytes of the key.</param>
    /// <returns>The identity multihash for keys of at most 42 bytes, the SHA-256 multihash otherwise.</returns>
    public static PeerId FromEncodedPublicKey(ReadOnlySpan<byte> encodedPublicKey)
    {
        if (encodedPublicKey.Length <= 42)
        {
            var identity = new byte[2 + encodedPublicKey.Length];
            identity[0] = 0x00;
            identity[1] = (byte)encodedPublicKey.Length;
            encodedPublicKey.CopyTo(identity.AsSpan(2));
            return new PeerId(identity);
        }

        var sha = new byte[34];
        sha[0] = 0x12;
        sha[1] = 32;
        System.Security.Cryptography.SHA256.HashData(encodedPublicKey, sha.AsSpan(2));
        return new PeerId(sha);
    }

    /// <summary>The embedded protobuf public key when the id is an identity multihash.</summary>
    /// <param name="encodedPublicKey">The key bytes, or empty.</param>
    /// <returns>Whether the id inlines its public key.</returns>
    public bool TryGetInlinedPublicKey(out ReadOnlySpan<byte> encodedPublicKey)
    {
        encodedPublicKey = _bytes[0] == 0x00 ? _bytes.AsSpan(2) : default;
        return _bytes[0] == 0x00;
    }

    /// <inheritdoc />
    public bool Equals(PeerId? other) => other is not null && (ReferenceEquals(this, other) || _bytes.AsSpan().SequenceEqual(other._bytes));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PeerId);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>The base58btc text form.</summary>
    /// <returns>The peer id as libp2p prints it.</returns>
    public override string ToString() => Base58.Encode(_bytes);
}
