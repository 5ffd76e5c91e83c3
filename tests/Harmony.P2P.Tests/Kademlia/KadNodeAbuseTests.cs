using Harmony.P2P.Kademlia;

namespace Harmony.P2P.Tests.Kademlia;

/// <summary>Untrusted requests and responses against one node, through a scripted transport.</summary>
public class KadNodeAbuseTests
{
    private static readonly KadPeer Remote = new("remote"u8);

    private static KadNode NewNode(ScriptedTransport transport, KadOptions? options = null) =>
        new(new KadPeer("self"u8), transport, options, TimeProvider.System, new Random(1));

    [Fact]
    public void Requests_beyond_the_per_peer_rate_are_dropped_and_counted()
    {
        var node = NewNode(new ScriptedTransport(), new KadOptions { RequestBurstPerPeer = 5, RequestsPerSecondPerPeer = 0.001 });
        var answered = Enumerable.Range(0, 8).Count(_ => node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.FindNode, "k"u8.ToArray())) is not null);
        answered.ShouldBe(5);
        node.Statistics.RateLimited.ShouldBe(3);
        node.HandleRequest(new KadPeer("other"u8), KadMode.Server, new KadMessage(KadMessageType.Ping, "k"u8.ToArray())).ShouldNotBeNull();
    }

    [Fact]
    public void Oversized_keys_and_values_and_unknown_types_are_refused()
    {
        var node = NewNode(new ScriptedTransport(), new KadOptions { MaxKeySize = 8, MaxValueSize = 4 });
        node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.FindNode, new byte[9])).ShouldBeNull();
        node.HandleRequest(Remote, KadMode.Server, new KadMessage((KadMessageType)42, "k"u8.ToArray())).ShouldBeNull();
        var key = "k"u8.ToArray();
        node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.PutValue, key, new KadRecord(key, new byte[5], default))).ShouldBeNull();
        node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.PutValue, key, new KadRecord("other"u8.ToArray(), new byte[1], default))).ShouldBeNull();
        node.StoredRecordCount.ShouldBe(0);
        node.Statistics.InvalidRequests.ShouldBe(4);
        node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.PutValue, key, new KadRecord(key, new byte[4], default))).ShouldNotBeNull();
        node.StoredRecordCount.ShouldBe(1);
    }

    [Fact]
    public void A_validator_refusal_keeps_a_record_out_and_select_keeps_the_better_one()
    {
        var validator = new NamespacedRecordValidator().Add("v", AcceptAllRecordValidator.Instance);
        var node = new KadNode(new KadPeer("self"u8), new ScriptedTransport(), validator: validator);
        var outside = "/x/key"u8.ToArray();
        node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.PutValue, outside, new KadRecord(outside, "1"u8.ToArray(), default))).ShouldBeNull();
        var key = "/v/key"u8.ToArray();
        node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.PutValue, key, new KadRecord(key, "2"u8.ToArray(), default))).ShouldNotBeNull();
        node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.PutValue, key, new KadRecord(key, "1"u8.ToArray(), default))).ShouldNotBeNull();
        var got = node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.GetValue, key))!;
        got.Record!.Value.ToArray().ShouldBe("2"u8.ToArray());
    }

    [Fact]
    public void Provider_announcements_for_someone_else_are_ignored_and_the_store_is_bounded()
    {
        var node = NewNode(new ScriptedTransport(), new KadOptions { MaxProviderKeys = 2 });
        var key = "content"u8.ToArray();
        node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.AddProvider, key, providerPeers: [new KadPeer("victim"u8)]));
        node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.GetProviders, key))!.ProviderPeers.ShouldBeEmpty();
        node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.AddProvider, key, providerPeers: [Remote]));
        node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.GetProviders, key))!.ProviderPeers.Single().ShouldBe(Remote);
        node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.AddProvider, "k2"u8.ToArray(), providerPeers: [Remote]));
        node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.AddProvider, "k3"u8.ToArray(), providerPeers: [Remote]));
        node.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.GetProviders, "k3"u8.ToArray()))!.ProviderPeers.ShouldBeEmpty();
    }

    [Fact]
    public void Client_mode_nodes_answer_nothing_and_clients_do_not_enter_the_table()
    {
        var client = NewNode(new ScriptedTransport(), new KadOptions { Mode = KadMode.Client });
        client.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.Ping, "k"u8.ToArray())).ShouldBeNull();
        var server = NewNode(new ScriptedTransport());
        server.HandleRequest(Remote, KadMode.Client, new KadMessage(KadMessageType.Ping, "k"u8.ToArray())).ShouldNotBeNull();
        server.RoutingTable.Count.ShouldBe(0);
        server.HandleRequest(Remote, KadMode.Server, new KadMessage(KadMessageType.Ping, "k"u8.ToArray())).ShouldNotBeNull();
        server.RoutingTable.Count.ShouldBe(1);
    }

    public static TheoryData<string> BadResponses => new() { "wrong-type", "oversized", "unsolicited-record", "unsolicited-providers", "wrong-key", "huge-peer-id" };

    [Theory]
    [MemberData(nameof(BadResponses))]
    public async Task Bad_responses_are_ignored_counted_and_never_followed(string kind)
    {
        var stranger = new KadPeer("stranger"u8);
        var transport = new ScriptedTransport();
        var node = NewNode(transport, new KadOptions { MaxCloserPeersPerResponse = 3 });
        node.AddTrustedPeer(Remote);
        transport.Answer = (_, request) => kind switch
        {
            "wrong-type" => new KadMessage(KadMessageType.GetValue, request.Key, closerPeers: [stranger]),
            "oversized" => new KadMessage(request.Type, request.Key, closerPeers: Enumerable.Range(0, 4).Select(i => new KadPeer([(byte)i, 1])).ToArray()),
            "unsolicited-record" => new KadMessage(request.Type, request.Key, new KadRecord(request.Key, "x"u8.ToArray(), default), [stranger]),
            "unsolicited-providers" => new KadMessage(request.Type, request.Key, closerPeers: [stranger], providerPeers: [stranger]),
            "wrong-key" => new KadMessage(request.Type, "other"u8.ToArray(), closerPeers: [stranger]),
            _ => new KadMessage(request.Type, request.Key, closerPeers: [new KadPeer(new byte[500])]),
        };

        var result = await node.FindClosestPeersAsync("target"u8.ToArray());
        result.ClosestPeers.ShouldBeEmpty();
        result.Failures.ShouldBe(1);
        node.Statistics.RejectedResponses.ShouldBe(1);
        transport.Asked.ShouldBe([Remote.Key]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_full_bucket_evicts_its_oldest_entry_only_when_it_fails_the_liveness_check(bool oldStaysAlive)
    {
        var transport = new ScriptedTransport();
        var node = NewNode(transport, new KadOptions { BucketSize = 1, Resiliency = 1, LivenessCheckAge = TimeSpan.Zero });
        var self = node.Self.Key;
        var random = new Random(3);
        KadPeer InBucket0()
        {
            while (true)
            {
                var peer = new KadPeer(BitConverter.GetBytes(random.NextInt64()));
                if (self.CommonPrefixLength(peer.Key) == 0)
                {
                    return peer;
                }
            }
        }

        var (old, newcomer, inbound) = (InBucket0(), InBucket0(), InBucket0());
        node.AddTrustedPeer(old);
        var oldAnswers = 0;
        transport.Answer = (peer, request) =>
        {
            if (peer.Key == old.Key)
            {
                // The old entry introduces the newcomer, then either keeps answering or goes silent.
                return oldAnswers++ == 0 || oldStaysAlive ? new KadMessage(request.Type, request.Key, closerPeers: [newcomer]) : null;
            }

            return new KadMessage(request.Type, request.Key);
        };

        // The newcomer answers our lookup while the bucket is full: the old entry gets a liveness check (a FIND_NODE).
        await node.FindClosestPeersAsync(newcomer.Id);
        oldAnswers.ShouldBe(2);
        node.RoutingTable.Contains(old.Key).ShouldBe(oldStaysAlive);
        node.RoutingTable.Contains(newcomer.Key).ShouldBe(!oldStaysAlive);

        // An inbound request from yet another peer never triggers a check.
        var asked = transport.Asked.Count;
        node.HandleRequest(inbound, KadMode.Server, new KadMessage(KadMessageType.Ping, "k"u8.ToArray())).ShouldNotBeNull();
        transport.Asked.Count.ShouldBe(asked);
        node.RoutingTable.Contains(inbound.Key).ShouldBeFalse();
    }

    private sealed class ScriptedTransport : IKadTransport
    {
        public Func<KadPeer, KadMessage, KadMessage?> Answer { get; set; } = (_, _) => null;

        public List<KadKey> Asked { get; } = [];

        public ValueTask<KadMessage?> RequestAsync(KadPeer peer, KadMessage request, CancellationToken cancellationToken = default)
        {
            Asked.Add(peer.Key);
            return ValueTask.FromResult(Answer(peer, request));
        }

        public ValueTask<bool> SendAsync(KadPeer peer, KadMessage message, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(true);
    }
}
