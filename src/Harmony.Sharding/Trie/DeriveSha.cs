namespace Harmony.Sharding.Trie;

/// <summary>
/// Ethereum's (and Harmony's) <c>DeriveSha</c>: the Merkle-Patricia root of a list keyed by <c>RLP(index)</c> with each
/// element's RLP as the value. Several lists continue the index (Harmony's transactions followed by staking
/// transactions).
/// </summary>
public static class DeriveSha
{
    /// <summary>The root of the encoded elements of one or more lists, indexed 0, 1, … across them.</summary>
    /// <param name="encodedLists">Each list's elements, already RLP-encoded.</param>
    /// <returns>32 bytes; the empty-trie root when there are no elements.</returns>
    public static byte[] Compute(params IReadOnlyList<byte[]>[] encodedLists)
    {
        ArgumentNullException.ThrowIfNull(encodedLists);
        var entries = new List<KeyValuePair<byte[], byte[]>>();
        ulong index = 0;
        foreach (var list in encodedLists)
        {
            foreach (byte[] element in list)
            {
                entries.Add(new(RlpItems.UInt(index), element));
                index++;
            }
        }

        return MerklePatriciaTrie.ComputeRoot(entries);
    }
}
