using Harmony.P2P.Identity;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Libp2p.InMemory;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.Protobuf;
using Harmony.P2P.PubSub;
using Harmony.P2P.PubSub.Scoring;
using Harmony.P2P.Records;

namespace Harmony.P2P.Tests.PubSub;

/// <summary>Peer exchange carrying signed peer records: attached from a <see cref="PeerRecordBook"/>, verified before dialing.</summary>
public sealed class GossipSubPeerExchangeRecordsTests
{
    private const string Topic = "harmony/0.0.1/node/shard/2";

    private static Libp2pPrivateKey Key(byte seed)
    {
        var bytes = new byte[32];
        bytes[0] = seed;
        return Libp2pPrivateKey.FromEd25519Seed(bytes);
    }

    private static byte[] Sealed(Libp2pPrivateKey key, ulong sequence = 1, string address = "/ip4/192.0.2.7/tcp/9000") =>
        new PeerRecord(key.PeerId, sequence, [Multiaddress.Parse(address)]).Seal(key).Encode();

    [Fact]
    public void Only_an_authentic_record_of_the_offered_peer_opens()
    {
        using var alice = Key(1);
        using var bob = Key(2);
        var aliceRecord = Sealed(alice);

        PeerExchangeRecords.TryOpen(new PeerExchangeRecord(alice.PeerId.Memory, aliceRecord), out var record, out var problem).ShouldBeTrue(problem);
        record.PeerId.ShouldBe(alice.PeerId);
        record.Addresses.ShouldBe([Multiaddress.Parse("/ip4/192.0.2.7/tcp/9000")]);

        // Alice's genuine record offered under Bob's id.
        PeerExchangeRecords.TryOpen(new PeerExchangeRecord(bob.PeerId.Memory, aliceRecord), out _, out problem).ShouldBeFalse();
        problem.ShouldContain("not the offered");

        // A record of Alice signed by Bob.
        var forged = SignedEnvelope.Seal(bob, PeerRecordFormat.Libp2pPeerRecord.Domain, PeerRecordFormat.Libp2pPeerRecord.PayloadType, new PeerRecord(alice.PeerId, 2, []).Encode()).Encode();
        PeerExchangeRecords.TryOpen(new PeerExchangeRecord(alice.PeerId.Memory, forged), out _, out problem).ShouldBeFalse();
        problem.ShouldContain("signed by");

        // A tampered signature, no record at all, and a peer id that does not parse.
        var tampered = (byte[])aliceRecord.Clone();
        tampered[^1] ^= 0x01;
        PeerExchangeRecords.TryOpen(new PeerExchangeRecord(alice.PeerId.Memory, tampered), out _, out _).ShouldBeFalse();
        PeerExchangeRecords.TryOpen(new PeerExchangeRecord(alice.PeerId.Memory, default), out _, out problem).ShouldBeFalse();
        problem.ShouldContain("without a signed peer record");
        PeerExchangeRecords.TryOpen(new PeerExchangeRecord(new byte[] { 1, 2, 3 }, aliceRecord), out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void The_book_keeps_the_newest_verified_record_per_peer_and_is_bounded()
    {
        using var alice = Key(3);
        using var bob = Key(4);
        var book = new PeerRecordBook(capacity: 1);
        book.TryAdd(Sealed(alice, 5), out _, out var problem).ShouldBeTrue(problem);
        book.TryAdd(Sealed(alice, 4, "/ip4/192.0.2.8/tcp/1"), out _, out problem).ShouldBeFalse();
        problem.ShouldContain("already stored");
        book.TryAdd(Sealed(alice, 6, "/ip4/192.0.2.9/tcp/1"), out var newer, out problem).ShouldBeTrue(problem);
        newer.Sequence.ShouldBe(6UL);
        PeerRecord.TryOpen(book.Get(alice.PeerId).Span, out var stored, out _).ShouldBeTrue();
        stored.Addresses.ShouldBe([Multiaddress.Parse("/ip4/192.0.2.9/tcp/1")]);
        book.TryAdd(Sealed(bob), out _, out problem).ShouldBeFalse();
        problem.ShouldContain("full");
        book.TryAdd(new byte[] { 0x0A, 0x00 }, out _, out _).ShouldBeFalse();
        book.Get(bob.PeerId).IsEmpty.ShouldBeTrue();
        book.Count.ShouldBe(1);
    }

    [Fact]
    public void A_prune_offers_the_records_the_book_holds_for_the_offered_peers()
    {
        var sim = new GossipSimulation(12);
        var book = new PeerRecordBook();
        var hub = sim.AddNode(new GossipSubOptions
        {
            SignaturePolicy = SignaturePolicy.StrictNoSign,
            D = 2,
            DLow = 1,
            DHigh = 3,
            DScore = 1,
            DOut = 0,
            DLazy = 1,
            PeerExchange = true,
            PeerRecords = book,
        });
        var leafOptions = new GossipSubOptions { SignaturePolicy = SignaturePolicy.StrictNoSign, PeerExchange = true };
        leafOptions.Score!.AppSpecificScore = p => p == hub.Peer ? 10 : 0;
        var keys = Enumerable.Range(0, 6).Select(i => Key((byte)(10 + i))).ToList();
        var leaves = keys.Select(k => sim.AddNode(leafOptions, k.PeerId)).ToList();
        foreach (var key in keys)
        {
            book.TryAdd(Sealed(key), out _, out var problem).ShouldBeTrue(problem);
        }

        foreach (var leaf in leaves)
        {
            GossipSimulation.Connect(leaf, hub);
        }

        hub.Router.Join(Topic);
        foreach (var leaf in leaves)
        {
            leaf.Router.Join(Topic);
        }

        sim.StartHeartbeats();
        sim.RunFor(TimeSpan.FromSeconds(3));
        var offered = leaves.SelectMany(l => l.Exchanges).SelectMany(e => e.Peers).ToList();
        offered.ShouldNotBeEmpty();
        foreach (var entry in offered)
        {
            PeerExchangeRecords.TryOpen(entry, out var record, out var problem).ShouldBeTrue(problem);
            keys.Select(k => k.PeerId).ShouldContain(record.PeerId);
        }

        foreach (var key in keys)
        {
            key.Dispose();
        }
    }

    [Fact]
    public async Task Received_records_are_verified_before_the_dialer_sees_them()
    {
        using var alice = Key(20);
        using var bob = Key(21);
        var network = new InMemoryLibp2pNetwork(13);
        var victimHost = network.CreateHost();
        var intruder = network.CreateHost();

        // The intruder accepts the victim's pubsub stream (and ignores it); without one the victim would drop it as a
        // peer that speaks no pubsub, possibly before its PRUNE is read.
        intruder.SetHandler(new DrainingPubSub());
        var book = new PeerRecordBook();
        var dialed = new System.Collections.Concurrent.ConcurrentQueue<PeerRecord>();
        var options = new GossipSubOptions
        {
            SignaturePolicy = SignaturePolicy.StrictNoSign,
            PeerExchange = true,
            Thresholds = new PeerScoreThresholds { AcceptPeerExchange = 0 },
            PeerRecords = book,
            PeerExchangeDialer = (record, _) =>
            {
                dialed.Enqueue(record);
                return ValueTask.CompletedTask;
            },
        };
        await using var victim = new GossipSub(victimHost, options);
        var offeredEvents = new System.Collections.Concurrent.ConcurrentQueue<int>();
        victim.PeerExchangeReceived += (_, _, peers) => offeredEvents.Enqueue(peers.Count);
        victim.Start();
        InMemoryLibp2pNetwork.Connect(intruder, victimHost);

        // The intruder prunes the victim offering Alice (genuine), Bob under Alice's record, and a tampered Alice.
        var aliceRecord = Sealed(alice);
        var tampered = (byte[])aliceRecord.Clone();
        tampered[^1] ^= 0x01;
        var rpc = new PubSubRpc();
        rpc.Prune.Add(new ControlPrune(Topic, [
            new PeerExchangeRecord(alice.PeerId.Memory, aliceRecord),
            new PeerExchangeRecord(bob.PeerId.Memory, aliceRecord),
            new PeerExchangeRecord(alice.PeerId.Memory, tampered),
        ], 60));
        var stream = (await intruder.OpenStreamAsync(victimHost.LocalPeer, PubSubProtocols.All))!;
        await LengthPrefixedFrames.WriteAsync(stream.Output, PubSubRpcCodec.Encode(rpc));

        await Eventually.HoldsAsync(() => !dialed.IsEmpty && !offeredEvents.IsEmpty, "the peer exchange is acted on");

        await Task.Delay(200);
        offeredEvents.ShouldBe([3]);
        dialed.Select(r => r.PeerId).ShouldBe([alice.PeerId]);
        book.Get(alice.PeerId).ToArray().ShouldBe(aliceRecord);
        book.Get(bob.PeerId).IsEmpty.ShouldBeTrue();
        await stream.DisposeAsync();
    }

    private sealed class DrainingPubSub : ILibp2pProtocolHandler
    {
        public IReadOnlyList<string> Protocols => PubSubProtocols.All;

        public async Task HandleAsync(ILibp2pChannel stream, CancellationToken cancellationToken)
        {
            await using (stream)
            {
                while (true)
                {
                    var result = await stream.Input.ReadAsync(cancellationToken);
                    stream.Input.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted)
                    {
                        return;
                    }
                }
            }
        }
    }
}
