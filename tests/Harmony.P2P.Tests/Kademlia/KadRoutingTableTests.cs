using FsCheck;
using FsCheck.Fluent;
using Harmony.P2P.Kademlia;

namespace Harmony.P2P.Tests.Kademlia;

public class KadRoutingTableTests
{
    private static KadPeer PeerInBucket(KadKey self, int bucket, Random random)
    {
        // Peer keys are hashes of ids, so search ids until one lands in the wanted bucket (cheap for low buckets).
        var id = new byte[8];
        while (true)
        {
            random.NextBytes(id);
            var peer = new KadPeer(id);
            if (self.CommonPrefixLength(peer.Key) == bucket)
            {
                return peer;
            }
        }
    }

    [Fact]
    public void A_full_bucket_keeps_its_old_entries_and_caches_newcomers_as_replacements()
    {
        var random = new Random(1);
        var self = KadKey.Random(random);
        var table = new KadRoutingTable(self, bucketSize: 4, replacementCacheSize: 2);
        var peers = Enumerable.Range(0, 7).Select(_ => PeerInBucket(self, 0, random)).ToList();
        peers.Take(4).Select(p => table.Update(p, 1)).ShouldAllBe(u => u == KadTableUpdate.Added);
        table.Update(peers[4], 2).ShouldBe(KadTableUpdate.BucketFull);
        table.Update(peers[5], 3).ShouldBe(KadTableUpdate.BucketFull);
        table.Update(peers[6], 4).ShouldBe(KadTableUpdate.BucketFull);
        table.Contains(peers[4].Key).ShouldBeFalse();
        table.EvictionCandidate(peers[0].Key).ShouldBe(peers[0]);

        // Seeing the oldest again moves it to the back; the next oldest becomes the eviction candidate.
        table.Update(peers[0], 5).ShouldBe(KadTableUpdate.Refreshed);
        table.EvictionCandidate(peers[0].Key).ShouldBe(peers[1]);

        // Removing an entry promotes the freshest replacement (peer 6; peer 4 fell out of the 2-entry cache).
        table.Remove(peers[1].Key).ShouldBeTrue();
        table.Contains(peers[6].Key).ShouldBeTrue();
        table.Count.ShouldBe(4);
        table.Remove(peers[2].Key).ShouldBeTrue();
        table.Contains(peers[5].Key).ShouldBeTrue();
        table.Remove(peers[3].Key).ShouldBeTrue();
        table.Count.ShouldBe(3);
    }

    [Fact]
    public void An_entry_is_evicted_only_after_the_configured_failures_in_a_row()
    {
        var random = new Random(2);
        var self = KadKey.Random(random);
        var table = new KadRoutingTable(self);
        var peer = PeerInBucket(self, 1, random);
        table.Update(peer);
        table.RecordFailure(peer.Key, maxFailures: 2).ShouldBeFalse();
        table.Update(peer).ShouldBe(KadTableUpdate.Refreshed);
        table.RecordFailure(peer.Key, maxFailures: 2).ShouldBeFalse();
        table.RecordFailure(peer.Key, maxFailures: 2).ShouldBeTrue();
        table.Contains(peer.Key).ShouldBeFalse();
    }

    [Fact]
    public void The_own_key_never_enters_the_table()
    {
        var self = new KadPeer("me"u8);
        new KadRoutingTable(self.Key).Update(self).ShouldBe(KadTableUpdate.Ignored);
    }

    [Fact]
    public void Get_closest_equals_a_brute_force_sort_of_the_table()
    {
        Prop.ForAll(Gen.Choose(1, 400).ToArbitrary(), Gen.Choose(1, 40).ToArbitrary(), (int seed, int count) =>
        {
            var random = new Random(seed);
            var table = new KadRoutingTable(KadKey.Random(random), bucketSize: 8);
            for (var i = 0; i < 300; i++)
            {
                var id = new byte[6];
                random.NextBytes(id);
                table.Update(new KadPeer(id));
            }

            var target = KadKey.Random(random);
            var expected = table.ToList().OrderBy(p => p.Key.Xor(target)).Take(count).Select(p => p.Key);
            return table.GetClosest(target, count).Select(p => p.Key).SequenceEqual(expected);
        }).QuickCheckThrowOnFailure();
    }
}
