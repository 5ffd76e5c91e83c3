using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;

namespace Harmony.P2P.Kademlia;

/// <summary>
/// A point of the 256-bit Kademlia keyspace: the SHA-256 of a peer id or of a record key, held as four big-endian
/// 64-bit words so that a routing table entry costs no array. Distance between two points is their XOR read as an
/// unsigned 256-bit integer (libp2p kad-dht).
/// </summary>
public readonly struct KadKey : IEquatable<KadKey>, IComparable<KadKey>
{
    /// <summary>Number of bytes in a key.</summary>
    public const int Size = 32;

    /// <summary>Number of bits in a key.</summary>
    public const int Bits = 256;

    private readonly ulong _w0;
    private readonly ulong _w1;
    private readonly ulong _w2;
    private readonly ulong _w3;

    private KadKey(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
        _w3 = w3;
    }

    /// <summary>The all-zero key.</summary>
    public static KadKey Zero => default;

    /// <summary>Interprets 32 bytes (already a SHA-256 digest or any 256-bit value) as a key, big-endian.</summary>
    /// <param name="bytes">Exactly <see cref="Size"/> bytes.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The span is not 32 bytes long.</exception>
    public static KadKey FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
        {
            throw new ArgumentException($"A Kademlia key is {Size} bytes (was {bytes.Length}).", nameof(bytes));
        }

        return new KadKey(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
    }

    /// <summary>The keyspace position of a peer id or record key: SHA-256 of its bytes (libp2p kad-dht).</summary>
    /// <param name="data">Peer id bytes (a multihash) or DHT key bytes.</param>
    /// <returns>The key.</returns>
    public static KadKey Hash(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[Size];
        SHA256.HashData(data, digest);
        return FromBytes(digest);
    }

    /// <summary>A uniformly random key drawn from <paramref name="random"/>.</summary>
    /// <param name="random">The (seeded) random source.</param>
    /// <returns>The key.</returns>
    public static KadKey Random(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[Size];
        random.NextBytes(bytes);
        return FromBytes(bytes);
    }

    /// <summary>
    /// A random key that shares exactly <paramref name="prefixLength"/> leading bits with <paramref name="origin"/>
    /// (so it falls in the routing-table bucket of that index); used for bucket refresh.
    /// </summary>
    /// <param name="origin">The key whose prefix is kept.</param>
    /// <param name="prefixLength">Shared prefix length, 0–255.</param>
    /// <param name="random">The (seeded) random source.</param>
    /// <returns>The key.</returns>
    public static KadKey RandomInBucket(KadKey origin, int prefixLength, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(prefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(prefixLength, Bits);
        var r = Random(random);
        Span<ulong> o = [origin._w0, origin._w1, origin._w2, origin._w3];
        Span<ulong> w = [r._w0, r._w1, r._w2, r._w3];
        for (var i = 0; i < 4; i++)
        {
            var first = i * 64;
            if (prefixLength >= first + 64)
            {
                w[i] = o[i];
            }
            else if (prefixLength >= first)
            {
                var keep = prefixLength - first;
                var flipBit = 1UL << (63 - keep);
                var highMask = keep == 0 ? 0UL : ~0UL << (64 - keep);
                w[i] = (o[i] & highMask) | (~o[i] & flipBit) | (w[i] & (flipBit - 1));
            }
        }

        return new KadKey(w[0], w[1], w[2], w[3]);
    }

    /// <summary>The XOR distance between this key and <paramref name="other"/>, itself a 256-bit value.</summary>
    /// <param name="other">The other key.</param>
    /// <returns>The distance.</returns>
    public KadKey Xor(KadKey other) => new(_w0 ^ other._w0, _w1 ^ other._w1, _w2 ^ other._w2, _w3 ^ other._w3);

    /// <summary>Number of leading bits this key shares with <paramref name="other"/> (256 when equal).</summary>
    /// <param name="other">The other key.</param>
    /// <returns>0–256.</returns>
    public int CommonPrefixLength(KadKey other)
    {
        var x = _w0 ^ other._w0;
        if (x != 0)
        {
            return BitOperations.LeadingZeroCount(x);
        }

        x = _w1 ^ other._w1;
        if (x != 0)
        {
            return 64 + BitOperations.LeadingZeroCount(x);
        }

        x = _w2 ^ other._w2;
        if (x != 0)
        {
            return 128 + BitOperations.LeadingZeroCount(x);
        }

        x = _w3 ^ other._w3;
        return x != 0 ? 192 + BitOperations.LeadingZeroCount(x) : 256;
    }

    /// <summary>Which of <paramref name="a"/> and <paramref name="b"/> is closer to this key.</summary>
    /// <param name="a">First key.</param>
    /// <param name="b">Second key.</param>
    /// <returns>Negative when <paramref name="a"/> is closer, positive when <paramref name="b"/> is, 0 when equal.</returns>
    public int CompareDistance(KadKey a, KadKey b) => a.Xor(this).CompareTo(b.Xor(this));

    /// <summary>The leading 16 bits.</summary>
    internal ushort Prefix16 => (ushort)(_w0 >> 48);

    /// <summary>Writes the 32 big-endian bytes of the key.</summary>
    /// <param name="destination">At least <see cref="Size"/> bytes.</param>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _w2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _w3);
    }

    /// <summary>The 32 big-endian bytes of the key.</summary>
    /// <returns>A new array.</returns>
    public byte[] ToArray()
    {
        var bytes = new byte[Size];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Compares keys as unsigned big-endian 256-bit integers (so distances order by closeness).</summary>
    /// <param name="other">The other key.</param>
    /// <returns>The usual comparison result.</returns>
    public int CompareTo(KadKey other)
    {
        if (_w0 != other._w0)
        {
            return _w0 < other._w0 ? -1 : 1;
        }

        if (_w1 != other._w1)
        {
            return _w1 < other._w1 ? -1 : 1;
        }

        if (_w2 != other._w2)
        {
            return _w2 < other._w2 ? -1 : 1;
        }

        return _w3 == other._w3 ? 0 : _w3 < other._w3 ? -1 : 1;
    }

    /// <inheritdoc />
    public bool Equals(KadKey other) =>
        _w0 == other._w0 && _w1 == other._w1 && _w2 == other._w2 && _w3 == other._w3;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is KadKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (int)(_w0 ^ (_w0 >> 32) ^ _w3);

    /// <summary>Lower-case hex of the 32 bytes.</summary>
    /// <returns>64 hex digits.</returns>
    public override string ToString() => Convert.ToHexStringLower(ToArray());

    /// <summary>Equality.</summary>
    /// <param name="left">Left key.</param>
    /// <param name="right">Right key.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(KadKey left, KadKey right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left key.</param>
    /// <param name="right">Right key.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(KadKey left, KadKey right) => !left.Equals(right);

    /// <summary>Less-than as unsigned 256-bit integers.</summary>
    /// <param name="left">Left key.</param>
    /// <param name="right">Right key.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(KadKey left, KadKey right) => left.CompareTo(right) < 0;

    /// <summary>Greater-than as unsigned 256-bit integers.</summary>
    /// <param name="left">Left key.</param>
    /// <param name="right">Right key.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(KadKey left, KadKey right) => left.CompareTo(right) > 0;

    /// <summary>Less-or-equal as unsigned 256-bit integers.</summary>
    /// <param name="left">Left key.</param>
    /// <param name="right">Right key.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(KadKey left, KadKey right) => left.CompareTo(right) <= 0;

    /// <summary>Greater-or-equal as unsigned 256-bit integers.</summary>
    /// <param name="left">Left key.</param>
    /// <param name="right">Right key.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(KadKey left, KadKey right) => left.CompareTo(right) >= 0;
}
