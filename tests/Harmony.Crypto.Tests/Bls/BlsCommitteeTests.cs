using Harmony.Crypto.Bls;

namespace Harmony.Crypto.Tests.Bls;

/// <summary>Aggregating a committee's keys from a signer bitmap, and the rejections consensus relies on.</summary>
public class BlsCommitteeTests
{
    private static readonly HarmonyBlsScheme Scheme = HarmonyBlsScheme.Instance;
    private static readonly byte[] Payload = Convert.FromHexString("e8030000000000006e977fd730e4a2969827d13e5006c2004cfb2796a418755567fb3f0bd08a9e37ed03000000000000");

    [Fact]
    public void Aggregate_of_the_set_bits_equals_the_sum_of_those_keys_whichever_way_it_is_computed()
    {
        var (keys, publics) = Committee(9, seed: 1);
        var committee = new BlsCommittee(Scheme, publics);
        var random = new Random(2);
        for (int trial = 0; trial < 40; trial++)
        {
            var bitmap = new SignerBitmap(9);
            var members = new List<BlsPublicKey>();
            for (int i = 0; i < 9; i++)
            {
                if (random.Next(2) == 0)
                {
                    bitmap.Set(i);
                    members.Add(publics[i]);
                }
            }

            if (members.Count == 0)
            {
                committee.TryAggregate(bitmap, out _).ShouldBeFalse();
                continue;
            }

            committee.TryAggregate(bitmap, out var aggregate).ShouldBeTrue();
            BlsPublicKey.TryAggregate(members.ToArray(), out var expected);
            aggregate.ShouldBe(expected);
        }

        Dispose(keys);
    }

    [Fact]
    public void Committee_signature_verifies_and_every_tampering_is_rejected()
    {
        var (keys, publics) = Committee(5, seed: 3);
        var committee = new BlsCommittee(Scheme, publics);
        var bitmap = new SignerBitmap(5);
        var signatures = new List<BlsSignature>();
        for (int i = 0; i < 4; i++)
        {
            bitmap.Set(i);
            signatures.Add(Scheme.Sign(keys[i], Payload));
        }

        BlsSignature.TryAggregate(signatures.ToArray(), out var aggregate);
        Convert.ToHexStringLower(bitmap.Bytes).ShouldBe("0f");
        committee.VerifyAggregate(bitmap, Payload, aggregate).ShouldBeTrue();

        // A flipped bitmap bit: a non-signer claimed, or a signer dropped.
        var extra = bitmap.Clone();
        extra.Set(4);
        committee.VerifyAggregate(extra, Payload, aggregate).ShouldBeFalse();
        var missing = bitmap.Clone();
        missing.Clear(2);
        committee.VerifyAggregate(missing, Payload, aggregate).ShouldBeFalse();

        // The same keys in another committee order: bit i now names another key.
        BlsPublicKey[] reordered = [publics[4], .. publics[1..4], publics[0]];
        new BlsCommittee(Scheme, reordered).VerifyAggregate(bitmap, Payload, aggregate).ShouldBeFalse();

        // A payload byte changed.
        byte[] changed = (byte[])Payload.Clone();
        changed[9] ^= 0x40;
        committee.VerifyAggregate(bitmap, changed, aggregate).ShouldBeFalse();

        // A bitmap for another committee size.
        committee.VerifyAggregate(new SignerBitmap(6), Payload, aggregate).ShouldBeFalse();
        Dispose(keys);
    }

    [Fact]
    public void Creating_from_bytes_names_the_bad_key_and_the_cache_decodes_once()
    {
        var (keys, publics) = Committee(4, seed: 5);
        var encoded = publics.Select(k => (ReadOnlyMemory<byte>)Scheme.EncodePublicKey(k)).ToList();
        var cache = new BlsCommitteeCache(capacity: 2);
        cache.TryGetOrCreate(Scheme, encoded, out var first, out _).ShouldBeTrue();
        cache.TryGetOrCreate(Scheme, encoded.Select(e => (ReadOnlyMemory<byte>)e.ToArray()).ToList(), out var second, out _).ShouldBeTrue();
        second.ShouldBeSameAs(first);
        first.Keys.ToArray().ShouldBe(publics);

        var broken = encoded.ToList();
        broken[2] = new byte[48];
        cache.TryGetOrCreate(Scheme, broken, out _, out var error).ShouldBeFalse();
        error.ShouldContain("key 2");
        cache.Count.ShouldBe(1);

        // Least recently used committees leave once the capacity is reached.
        cache.TryGetOrCreate(Scheme, encoded.Take(3).ToList(), out _, out _).ShouldBeTrue();
        cache.TryGetOrCreate(Scheme, encoded.Take(2).ToList(), out _, out _).ShouldBeTrue();
        cache.Count.ShouldBe(2);
        cache.TryGetOrCreate(Scheme, encoded, out var rebuilt, out _).ShouldBeTrue();
        rebuilt.ShouldNotBeSameAs(first);
        Dispose(keys);
    }

    private static (BlsSecretKey[] Keys, BlsPublicKey[] Publics) Committee(int size, int seed)
    {
        var random = new Random(seed);
        var keys = new BlsSecretKey[size];
        for (int i = 0; i < size; i++)
        {
            byte[] ikm = new byte[32];
            random.NextBytes(ikm);
            keys[i] = BlsSecretKey.KeyGen(ikm);
        }

        return (keys, keys.Select(Scheme.GetPublicKey).ToArray());
    }

    private static void Dispose(BlsSecretKey[] keys)
    {
        foreach (var key in keys)
        {
            key.Dispose();
        }
    }
}
