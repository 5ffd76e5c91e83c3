using System.Text;
using Harmony.Crypto.Hashing;
using Harmony.Sharding.Trie;

namespace Harmony.Sharding.Tests.CrossShard;

/// <summary>Roots published by go-ethereum's trie tests and the Ethereum trie test suite, and one worked by hand.</summary>
public class MerklePatriciaTrieTests
{
    [Theory]
    [InlineData("56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")]
    public void The_empty_trie_has_the_well_known_root(string root)
    {
        Hex(MerklePatriciaTrie.ComputeRoot([])).ShouldBe(root);
        Hex(DeriveSha.Compute([])).ShouldBe(root);
        Hex(MerklePatriciaTrie.EmptyRoot.ToArray()).ShouldBe(root);
    }

    [Theory]
    [InlineData("8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3", "doe", "reindeer", "dog", "puppy", "dogglesworth", "cat")]
    [InlineData("d23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28ab", "A", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84", "do", "verb", "horse", "stallion", "doge", "coin", "dog", "puppy")]
    [InlineData("17beaa1648bafa633cda809c90c04af50fc8aed3cb40d16efbddee6fdf63c4c3", "foo", "bar", "food", "bass")]
    [InlineData("3f67c7a47520f79faa29255d2d3c084a7a6df0453116ed7232ff10277a8be68b", "be", "e", "dog", "puppy", "bed", "d")]
    public void Published_roots_are_reproduced_in_any_insertion_order(string root, params string[] pairs)
    {
        var entries = Enumerable.Range(0, pairs.Length / 2)
            .Select(i => new KeyValuePair<byte[], byte[]>(Encoding.ASCII.GetBytes(pairs[2 * i]), Encoding.ASCII.GetBytes(pairs[(2 * i) + 1])))
            .ToList();
        Hex(MerklePatriciaTrie.ComputeRoot(entries)).ShouldBe(root);
        entries.Reverse();
        Hex(MerklePatriciaTrie.ComputeRoot(entries)).ShouldBe(root);
    }

    [Fact]
    public void A_one_element_list_is_a_single_hashed_leaf()
    {
        // Key RLP(0) = 0x80 → nibbles 8,0; even-length leaf path → HP = 0x20 0x80. Node = [0x20 0x80, value].
        byte[] element = [0xc3, 0x01, 0x02, 0x03];
        byte[] node = [0xc8, 0x82, 0x20, 0x80, 0x84, .. element];
        DeriveSha.Compute([element]).ShouldBe(Keccak256.HashData(node));
    }

    [Fact]
    public void Several_lists_continue_the_index()
    {
        byte[][] first = [[0x01], [0x02]];
        byte[][] second = [[0x03]];
        DeriveSha.Compute(first, second).ShouldBe(DeriveSha.Compute([[0x01], [0x02], [0x03]]));
        DeriveSha.Compute(first, second).ShouldNotBe(DeriveSha.Compute([[0x03], [0x01], [0x02]]));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
