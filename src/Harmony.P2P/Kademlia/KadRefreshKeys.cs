using System.Buffers.Binary;

namespace Harmony.P2P.Kademlia;

/// <summary>
/// Wire keys for bucket refresh. A FIND_NODE names its target by key bytes that the receiver hashes, so a lookup into
/// a given bucket needs bytes whose SHA-256 has a chosen prefix. This table holds, for each 16-bit prefix, a 4-byte
/// preimage found by search; it is built once per process on first use (about 0.8 million hashes).
/// </summary>
internal static class KadRefreshKeys
{
    private const int PrefixBits = 16;

    private static readonly Lazy<uint[]> Table = new(Build);

    /// <summary>Key bytes whose hash shares the first min(16, bucket + 1) bits with a random point of bucket <paramref name="bucket"/> of <paramref name="self"/>.</summary>
    public static byte[] ForBucket(KadKey self, int bucket, Random random)
    {
        var point = KadKey.RandomInBucket(self, Math.Min(bucket, PrefixBits - 1), random);
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, Table.Value[point.Prefix16]);
        return bytes;
    }

    private static uint[] Build()
    {
        var table = new uint[1 << PrefixBits];
        var filled = new bool[1 << PrefixBits];
        var remaining = table.Length;
        Span<byte> bytes = stackalloc byte[4];
        for (uint counter = 0; remaining > 0; counter++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, counter);
            var prefix = KadKey.Hash(bytes).Prefix16;
            if (!filled[prefix])
            {
                filled[prefix] = true;
                table[prefix] = counter;
                remaining--;
            }
        }

        return table;
    }
}
