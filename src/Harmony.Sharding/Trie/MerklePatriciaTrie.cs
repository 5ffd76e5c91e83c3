using Harmony.Crypto.Hashing;

namespace Harmony.Sharding.Trie;

/// <summary>
/// The root hash of Ethereum's Merkle-Patricia trie (Yellow Paper appendix D) over a set of key/value pairs, computed
/// in memory from the sorted keys: leaves <c>[HP(path, leaf), value]</c>, extensions <c>[HP(path), child]</c>,
/// branches of 16 children plus a value, children referenced inline when their RLP is shorter than 32 bytes and by
/// Keccak-256 otherwise. The root is always hashed; the empty trie's root is <see cref="EmptyRoot"/>.
/// </summary>
public static class MerklePatriciaTrie
{
    private static readonly byte[] EmptyString = [0x80];

    /// <summary><c>Keccak-256(RLP(""))</c> = <c>56e81f17…b421</c>, the root of an empty trie.</summary>
    public static ReadOnlySpan<byte> EmptyRoot => EmptyRootBytes;

    private static readonly byte[] EmptyRootBytes = Keccak256.HashData(EmptyString);

    /// <summary>Computes the root of a trie holding <paramref name="entries"/> (later duplicates of a key replace earlier ones).</summary>
    /// <param name="entries">Keys and values; empty values are not stored (as in Ethereum, where they mean deletion).</param>
    /// <returns>The 32-byte root hash.</returns>
    public static byte[] ComputeRoot(IEnumerable<KeyValuePair<byte[], byte[]>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new SortedDictionary<byte[], byte[]>(ByteComparer.Instance);
        foreach (var (key, value) in entries)
        {
            ArgumentNullException.ThrowIfNull(key);
            ArgumentNullException.ThrowIfNull(value);
            if (value.Length == 0)
            {
                map.Remove(key);
            }
            else
            {
                map[key] = value;
            }
        }

        if (map.Count == 0)
        {
            return (byte[])EmptyRootBytes.Clone();
        }

        var items = new List<(byte[] Nibbles, byte[] Value)>(map.Count);
        foreach (var (key, value) in map)
        {
            items.Add((ToNibbles(key), value));
        }

        return Keccak256.HashData(EncodeNode(items, 0, items.Count, 0));
    }

    private static byte[] EncodeNode(List<(byte[] Nibbles, byte[] Value)> items, int start, int end, int depth)
    {
        if (end - start == 1)
        {
            var (nibbles, value) = items[start];
            return RlpItems.List(RlpItems.Bytes(HexPrefix(nibbles.AsSpan(depth), leaf: true)), RlpItems.Bytes(value));
        }

        int common = CommonPrefixLength(items, start, end, depth);
        if (common > 0)
        {
            byte[] child = EncodeNode(items, start, end, depth + common);
            return RlpItems.List(RlpItems.Bytes(HexPrefix(items[start].Nibbles.AsSpan(depth, common), leaf: false)), Reference(child));
        }

        var branch = new byte[17][];
        int i = start;
        if (items[i].Nibbles.Length == depth)
        {
            branch[16] = RlpItems.Bytes(items[i].Value);
            i++;
        }
        else
        {
            branch[16] = EmptyString;
        }

        for (int nibble = 0; nibble < 16; nibble++)
        {
            int groupStart = i;
            while (i < end && items[i].Nibbles[depth] == nibble)
            {
                i++;
            }

            branch[nibble] = i > groupStart ? Reference(EncodeNode(items, groupStart, i, depth + 1)) : EmptyString;
        }

        return RlpItems.List(branch);
    }

    private static byte[] Reference(byte[] node) => node.Length < 32 ? node : RlpItems.Bytes(Keccak256.HashData(node));

    private static int CommonPrefixLength(List<(byte[] Nibbles, byte[] Value)> items, int start, int end, int depth)
    {
        // Keys are sorted, so the common prefix of the range is the common prefix of its first and last key.
        byte[] first = items[start].Nibbles, last = items[end - 1].Nibbles;
        int length = 0;
        while (depth + length < first.Length && depth + length < last.Length && first[depth + length] == last[depth + length])
        {
            length++;
        }

        return length;
    }

    private static byte[] ToNibbles(byte[] key)
    {
        byte[] nibbles = new byte[key.Length * 2];
        for (int i = 0; i < key.Length; i++)
        {
            nibbles[2 * i] = (byte)(key[i] >> 4);
            nibbles[(2 * i) + 1] = (byte)(key[i] & 0x0F);
        }

        return nibbles;
    }

    /// <summary>Hex-prefix encoding: flag nibble (2 for a leaf, +1 for an odd length), padding, then the path.</summary>
    private static byte[] HexPrefix(ReadOnlySpan<byte> nibbles, bool leaf)
    {
        bool odd = (nibbles.Length & 1) == 1;
        byte[] encoded = new byte[(nibbles.Length / 2) + 1];
        int flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
        int n = 0;
        if (odd)
        {
            encoded[0] = (byte)((flag << 4) | nibbles[0]);
            n = 1;
        }
        else
        {
            encoded[0] = (byte)(flag << 4);
        }

        for (int i = 1; i < encoded.Length; i++)
        {
            encoded[i] = (byte)((nibbles[n] << 4) | nibbles[n + 1]);
            n += 2;
        }

        return encoded;
    }

    private sealed class ByteComparer : IComparer<byte[]>
    {
        public static readonly ByteComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
