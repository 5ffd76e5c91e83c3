using System.Security.Cryptography;
using Harmony.Consensus.Quorum;
using Harmony.Crypto.Hashing;
using Harmony.Sharding.State;

namespace Harmony.Sharding.Tests.State;

public class ShardStateEncodingTests
{
    private static readonly byte[] Addr1 = Enumerable.Repeat((byte)0x11, 20).ToArray();
    private static readonly byte[] Key1 = Enumerable.Repeat((byte)0x22, 48).ToArray();
    private static readonly byte[] Addr2 = Enumerable.Repeat((byte)0x33, 20).ToArray();
    private static readonly byte[] Key2 = Enumerable.Repeat((byte)0x44, 48).ToArray();

    private static ShardState Sample() => new(5, [new ShardCommittee(0, [
        new ShardSlot(Addr1, Key1, null),
        new ShardSlot(Addr2, Key2, Decimal18.Parse("1.5")),
    ])]);

    [Fact]
    public void The_staking_format_matches_hand_assembled_rlp()
    {
        string slot1 = "f847" + "94" + Hex(Addr1) + "b0" + Hex(Key1) + "c0";
        string slot2 = "f850" + "94" + Hex(Addr2) + "b0" + Hex(Key2) + "c9" + "88" + "14d1120d7b160000";
        string committee = "f89e" + "80" + "f89b" + slot1 + slot2;
        string expected = "f8a3" + "05" + "f8a0" + committee;

        Hex(ShardStateCodec.Encode(Sample(), staking: true)).ShouldBe(expected);
    }

    [Fact]
    public void The_legacy_format_drops_epoch_and_stakes()
    {
        string slot1 = "f846" + "94" + Hex(Addr1) + "b0" + Hex(Key1);
        string slot2 = "f846" + "94" + Hex(Addr2) + "b0" + Hex(Key2);
        string expected = "f895" + "f893" + "80" + "f890" + slot1 + slot2;

        Hex(ShardStateCodec.Encode(Sample(), staking: false)).ShouldBe(expected);
    }

    [Fact]
    public void Both_formats_decode_and_legacy_states_have_no_epoch_or_stakes()
    {
        var staking = ShardStateCodec.Decode(ShardStateCodec.Encode(Sample(), staking: true));
        staking.Epoch.ShouldBe(5);
        staking.Shards[0].Slots[0].EffectiveStake.ShouldBeNull();
        staking.Shards[0].Slots[1].EffectiveStake.ShouldBe(Decimal18.Parse("1.5"));
        ShardStateCodec.Encode(staking, staking: true).ShouldBe(ShardStateCodec.Encode(Sample(), staking: true));

        var legacy = ShardStateCodec.Decode(ShardStateCodec.Encode(Sample(), staking: false));
        legacy.Epoch.ShouldBeNull();
        legacy.Shards[0].Slots.ShouldAllBe(s => s.IsHarmonySlot);
        legacy.Shards[0].Slots[1].Address.ToArray().ShouldBe(Addr2);
    }

    [Theory]
    [InlineData("")]
    [InlineData("c1")]
    [InlineData("c3058001")]
    [InlineData("c4c3800102")]
    public void Malformed_states_are_refused_with_a_reason(string hex)
    {
        ShardStateCodec.TryDecode(Convert.FromHexString(hex), out var state, out var error).ShouldBeFalse();
        state.ShouldBeNull();
        error.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void A_slot_with_a_short_key_is_refused()
    {
        byte[] good = ShardStateCodec.Encode(Sample(), staking: true);
        byte[] bad = (byte[])good.Clone();
        int keyPrefix = Array.IndexOf(bad, (byte)0xb0);
        bad[keyPrefix] = 0xaf;
        ShardStateCodec.TryDecode(bad, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNull();
    }

    [Fact]
    public void A_stake_beyond_the_decimal_range_is_refused_not_thrown()
    {
        // A slot whose stake list holds a 40-byte integer (320 bits > Decimal18.MaxBits).
        byte[] stake = [0xe9, 0xa8, .. Enumerable.Repeat((byte)0xff, 40)];
        byte[] slot = [0xf8, (byte)(21 + 49 + stake.Length), 0x94, .. Addr1, 0xb0, .. Key1, .. stake];
        byte[] slots = [0xf8, (byte)slot.Length, .. slot];
        byte[] committee = [0xf8, (byte)(1 + slots.Length), 0x80, .. slots];
        byte[] committees = [0xf8, (byte)committee.Length, .. committee];
        byte[] state = [0xf8, (byte)(1 + committees.Length), 0x05, .. committees];
        ShardStateCodec.TryDecode(state, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNull();
    }

    [Fact]
    public void The_state_hash_sorts_shards_and_hashes_address_and_key_per_shard()
    {
        var shard0 = new ShardCommittee(0, [new ShardSlot(Addr1, Key1, null), new ShardSlot(Addr2, Key2, Decimal18.One)]);
        var shard1 = new ShardCommittee(1, [new ShardSlot(Addr2, Key2, null)]);
        var empty = new ShardCommittee(2, []);
        var state = new ShardState(9, [shard1, empty, shard0]);

        byte[] h0 = Keccak256.HashData([.. Addr1, .. Key1, .. Addr2, .. Key2]);
        byte[] h1 = Keccak256.HashData([.. Addr2, .. Key2]);
        state.Hash().ShouldBe(Keccak256.HashData([.. h0, .. h1]));
        new ShardState(null, []).Hash().ShouldBe(Keccak256.HashData([]));
    }

    [SkippableFact]
    public void The_committee_hash_is_sha3_of_the_staking_rlp()
    {
        Skip.IfNot(SHA3_256.IsSupported, "SHA3-256 is not available on this platform.");
        var committee = Sample().Shards[0];
        byte[] rlp = Convert.FromHexString("f89e80f89b" + "f847" + "94" + Hex(Addr1) + "b0" + Hex(Key1) + "c0" +
            "f850" + "94" + Hex(Addr2) + "b0" + Hex(Key2) + "c988" + "14d1120d7b160000");
        committee.Hash().ShouldBe(SHA3_256.HashData(rlp));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
