using System.Numerics;
using System.Security.Cryptography;
using Harmony.Consensus.Quorum;
using Harmony.Sharding.Assignment;
using Harmony.Sharding.Configuration;
using Harmony.Sharding.Staking;

namespace Harmony.Sharding.Tests;

/// <summary>Deterministic accounts, keys and candidates for the sharding tests.</summary>
internal static class TestData
{
    public static byte[] Address(int index)
    {
        byte[] address = new byte[20];
        address[0] = 0xA0;
        address[16] = (byte)(index >> 24);
        address[17] = (byte)(index >> 16);
        address[18] = (byte)(index >> 8);
        address[19] = (byte)index;
        return address;
    }

    /// <summary>A 48-byte "key" (assignment never decodes it) from a label.</summary>
    public static byte[] Key(string label) => SHA384.HashData(System.Text.Encoding.UTF8.GetBytes(label));

    /// <summary>A key whose big-endian value is ≡ <paramref name="residue"/> (mod <paramref name="shards"/>).</summary>
    public static byte[] KeyInShard(string label, int residue, int shards)
    {
        for (int i = 0; ; i++)
        {
            byte[] key = Key($"{label}/{i}");
            if ((int)(new BigInteger(key, isUnsigned: true, isBigEndian: true) % shards) == residue)
            {
                return key;
            }
        }
    }

    public static EposCandidate Candidate(int index, long stake, params byte[][] keys) =>
        new(Address(index), keys.Select(k => (ReadOnlyMemory<byte>)k).ToArray(), new BigInteger(stake) * BigInteger.Pow(10, 18));

    public static Decimal18 Dec(string text) => Decimal18.Parse(text);

    public static HarmonyAccount[] HarmonyAccounts(int count) =>
        Enumerable.Range(0, count).Select(i => new HarmonyAccount(Address(1_000_000 + i), Key($"harmony/{i}"))).ToArray();

    public static CommitteeAssignmentInput Input(ShardingInstance instance, IReadOnlyList<EposCandidate> candidates, byte[]? randomness = null) => new()
    {
        Epoch = 700,
        Instance = instance,
        HarmonyAccounts = HarmonyAccounts(instance.ShardCount * instance.HarmonyNodesPerShard),
        Candidates = candidates,
        EposBound = EposAuction.Bound15,
        Randomness = randomness ?? [],
    };
}
