using FsCheck;
using FsCheck.Fluent;
using Harmony.P2P.Kademlia;

namespace Harmony.P2P.Tests.Kademlia;

public class KadKeyTests
{
    private static KadKey Key(byte[] seed) => KadKey.Hash(seed);

    [Fact]
    public void Keys_are_the_sha256_of_the_bytes_big_endian()
    {
        var key = KadKey.Hash("abc"u8);
        key.ToString().ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        KadKey.FromBytes(key.ToArray()).ShouldBe(key);
    }

    [Fact]
    public void Distance_is_a_metric_xor_symmetric_and_zero_only_to_itself()
    {
        Prop.ForAll<byte[], byte[], byte[]>((a, b, c) =>
        {
            KadKey x = Key(a), y = Key(b), z = Key(c);
            var symmetric = x.Xor(y) == y.Xor(x);
            var identity = x.Xor(x) == KadKey.Zero && (x == y || x.Xor(y) != KadKey.Zero);
            // XOR distance satisfies d(x,z) <= d(x,y) XOR d(y,z) = d(x,z), and the triangle inequality in integers:
            // d(x,z) <= d(x,y) + d(y,z), checked here through the top bit: d(x,z) has no higher bit than both.
            var top = Math.Min(x.Xor(y).CommonPrefixLength(KadKey.Zero), y.Xor(z).CommonPrefixLength(KadKey.Zero));
            var triangle = x.Xor(z).CommonPrefixLength(KadKey.Zero) >= top;
            return symmetric && identity && triangle;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Common_prefix_length_matches_a_bit_by_bit_count()
    {
        Prop.ForAll<byte[], byte[]>((a, b) =>
        {
            var x = Key(a).ToArray();
            var y = Key(b).ToArray();
            var expected = 0;
            while (expected < 256 && ((x[expected / 8] ^ y[expected / 8]) & (0x80 >> (expected % 8))) == 0)
            {
                expected++;
            }

            return Key(a).CommonPrefixLength(Key(b)) == expected;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(100)]
    [InlineData(255)]
    public void Random_keys_in_a_bucket_share_exactly_that_prefix(int bucket)
    {
        var random = new Random(bucket);
        var origin = KadKey.Random(random);
        for (var i = 0; i < 50; i++)
        {
            origin.CommonPrefixLength(KadKey.RandomInBucket(origin, bucket, random)).ShouldBe(bucket);
        }
    }

    [Fact]
    public void Compare_distance_orders_by_closeness_to_the_target()
    {
        Prop.ForAll<byte[], byte[], byte[]>((t, a, b) =>
        {
            KadKey target = Key(t), x = Key(a), y = Key(b);
            var viaBigInteger = new System.Numerics.BigInteger(x.Xor(target).ToArray(), isUnsigned: true, isBigEndian: true)
                .CompareTo(new System.Numerics.BigInteger(y.Xor(target).ToArray(), isUnsigned: true, isBigEndian: true));
            return Math.Sign(target.CompareDistance(x, y)) == Math.Sign(viaBigInteger);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void From_bytes_rejects_a_wrong_length() =>
        Should.Throw<ArgumentException>(() => KadKey.FromBytes(new byte[31]));
}
