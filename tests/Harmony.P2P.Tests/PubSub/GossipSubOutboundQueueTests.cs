using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Harmony.P2P.Libp2p.InMemory;
using Harmony.P2P.PubSub;

namespace Harmony.P2P.Tests.PubSub;

/// <summary>The per-peer outbound queue: merging that keeps the receiver's view, its bounds, and bursts over streams.</summary>
public class GossipSubOutboundQueueTests
{
    private static PubSubMessage Message(int n) =>
        new(default, Encoding.ASCII.GetBytes($"m{n}"), default, "t", default, default);

    private static PubSubRpc Messages(params int[] numbers)
    {
        var rpc = new PubSubRpc();
        foreach (var n in numbers)
        {
            rpc.Messages.Add(Message(n));
        }

        return rpc;
    }

    private static List<PubSubRpc> Drain(GossipSubOutboundQueue queue)
    {
        var list = new List<PubSubRpc>();
        while (queue.TryDequeue(out var rpc, out var size))
        {
            size.ShouldBe(PubSubRpcCodec.GetSize(rpc));
            list.Add(rpc);
        }

        return list;
    }

    /// <summary>The order in which a receiver handles the entries of these RPCs (subscriptions, messages, control).</summary>
    private static List<string> ReceiverOrder(IEnumerable<PubSubRpc> rpcs)
    {
        var order = new List<string>();
        foreach (var rpc in rpcs)
        {
            order.AddRange(rpc.Subscriptions.Select(s => "sub " + s.Topic));
            order.AddRange(rpc.Messages.Select(m => "msg " + Encoding.ASCII.GetString(m.Data.Span)));
            order.AddRange(rpc.IHave.Select(i => "ihave " + i.Topic));
            order.AddRange(rpc.Graft.Select(g => "graft " + g.Topic));
            order.AddRange(rpc.Prune.Select(p => "prune " + p.Topic));
        }

        return order;
    }

    [Fact]
    public void Message_rpcs_queued_back_to_back_go_out_as_one_rpc_in_order()
    {
        var queue = new GossipSubOutboundQueue(capacity: 4, coalesceBytes: 64 * 1024, maxMessages: 1024);
        for (var i = 0; i < 100; i++)
        {
            queue.TryEnqueue(Messages(i)).ShouldBeTrue();
        }

        var sent = Drain(queue);
        sent.Count.ShouldBe(1);
        sent[0].Messages.Select(m => Encoding.ASCII.GetString(m.Data.Span)).ShouldBe(Enumerable.Range(0, 100).Select(i => $"m{i}"));
    }

    [Fact]
    public void An_rpc_being_written_is_never_merged_into()
    {
        var queue = new GossipSubOutboundQueue(capacity: 4, coalesceBytes: 64 * 1024, maxMessages: 1024);
        queue.TryEnqueue(Messages(1)).ShouldBeTrue();
        queue.TryDequeue(out var first, out _).ShouldBeTrue();
        queue.TryEnqueue(Messages(2)).ShouldBeTrue();

        first.Messages.Count.ShouldBe(1);
        Drain(queue).Single().Messages.Count.ShouldBe(1);
    }

    [Fact]
    public void Subscriptions_and_control_keep_their_place()
    {
        var queue = new GossipSubOutboundQueue(capacity: 8, coalesceBytes: 64 * 1024, maxMessages: 1024);
        var subscribe = new PubSubRpc();
        subscribe.Subscriptions.Add(new SubscriptionChange(false, "t"));
        var graft = Messages(2);
        graft.Graft.Add(new ControlGraft("t"));

        queue.TryEnqueue(Messages(1)).ShouldBeTrue();
        queue.TryEnqueue(subscribe).ShouldBeTrue();
        queue.TryEnqueue(graft).ShouldBeTrue();
        queue.TryEnqueue(Messages(3)).ShouldBeTrue();

        // The unsubscribe must not overtake m1, and m3 must not overtake the GRAFT; an RPC with control is never merged.
        var sent = Drain(queue);
        sent.Count.ShouldBe(4);
        ReceiverOrder(sent).ShouldBe(["msg m1", "sub t", "msg m2", "graft t", "msg m3"]);
    }

    [Fact]
    public void Merging_stops_at_the_byte_and_message_bounds()
    {
        var size = PubSubRpcCodec.GetSize(Messages(1));
        var byBytes = new GossipSubOutboundQueue(capacity: 100, coalesceBytes: 3 * size, maxMessages: 1024);
        var byCount = new GossipSubOutboundQueue(capacity: 100, coalesceBytes: 64 * 1024, maxMessages: 2);
        for (var i = 0; i < 7; i++)
        {
            byBytes.TryEnqueue(Messages(i)).ShouldBeTrue();
            byCount.TryEnqueue(Messages(i)).ShouldBeTrue();
        }

        Drain(byBytes).Select(r => r.Messages.Count).ShouldBe([3, 3, 1]);
        Drain(byCount).Select(r => r.Messages.Count).ShouldBe([2, 2, 2, 1]);
    }

    [Fact]
    public void A_full_queue_refuses_what_it_cannot_merge()
    {
        var queue = new GossipSubOutboundQueue(capacity: 2, coalesceBytes: 64 * 1024, maxMessages: 1024);
        var subscribe = new PubSubRpc();
        subscribe.Subscriptions.Add(new SubscriptionChange(true, "t"));
        var control = new PubSubRpc();
        control.Graft.Add(new ControlGraft("t"));

        queue.TryEnqueue(control).ShouldBeTrue();
        queue.TryEnqueue(subscribe).ShouldBeTrue();
        queue.TryEnqueue(Messages(1)).ShouldBeTrue(); // merged into the queued subscription
        queue.TryEnqueue(subscribe).ShouldBeFalse();
        queue.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_completed_queue_refuses_rpcs_and_ends_the_reader_after_the_queued_ones()
    {
        var queue = new GossipSubOutboundQueue(capacity: 4, coalesceBytes: 64 * 1024, maxMessages: 1024);
        queue.TryEnqueue(Messages(1)).ShouldBeTrue();
        queue.Complete();
        queue.TryEnqueue(Messages(2)).ShouldBeFalse();

        (await queue.WaitToReadAsync(CancellationToken.None)).ShouldBeTrue();
        Drain(queue).Single().Messages.Count.ShouldBe(1);
        (await queue.WaitToReadAsync(CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_waiting_reader_wakes_on_the_next_rpc()
    {
        var queue = new GossipSubOutboundQueue(capacity: 4, coalesceBytes: 64 * 1024, maxMessages: 1024);
        var wait = queue.WaitToReadAsync(CancellationToken.None).AsTask();
        wait.IsCompleted.ShouldBeFalse();
        queue.TryEnqueue(Messages(1)).ShouldBeTrue();
        (await wait.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue();
    }

    [Fact]
    public void Any_sequence_of_rpcs_reaches_the_receiver_in_the_same_order()
    {
        Prop.ForAll(
            Gen.Choose(0, 100_000).ToArbitrary(),
            seed =>
            {
                var random = new Random(seed);
                var queue = new GossipSubOutboundQueue(capacity: 1000, coalesceBytes: random.Next(1, 400), maxMessages: random.Next(1, 6));
                var queued = new List<PubSubRpc>();
                var expected = new List<string>();
                var label = 0;
                var sent = new List<PubSubRpc>();
                for (var i = random.Next(1, 30); i > 0; i--)
                {
                    var rpc = new PubSubRpc();
                    for (var n = random.Next(3) == 0 ? random.Next(1, 3) : 0; n > 0; n--)
                    {
                        rpc.Subscriptions.Add(new SubscriptionChange(true, $"s{label++}"));
                    }

                    for (var n = random.Next(4); n > 0; n--)
                    {
                        rpc.Messages.Add(Message(label++));
                    }

                    if (random.Next(4) == 0)
                    {
                        rpc.IHave.Add(new ControlIHave($"i{label++}", []));
                    }

                    if (random.Next(4) == 0)
                    {
                        rpc.Graft.Add(new ControlGraft($"g{label++}"));
                    }

                    if (random.Next(5) == 0)
                    {
                        rpc.Prune.Add(new ControlPrune($"p{label++}", [], 60));
                    }

                    if (rpc.IsEmpty)
                    {
                        rpc.Messages.Add(Message(label++));
                    }

                    expected.AddRange(ReceiverOrder([rpc]));
                    queue.TryEnqueue(rpc).ShouldBeTrue();
                    if (random.Next(5) == 0)
                    {
                        sent.AddRange(Drain(queue));
                    }
                }

                sent.AddRange(Drain(queue));
                ReceiverOrder(sent).ShouldBe(expected);
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_large_received_rpc_is_handled_in_slices_that_keep_its_order()
    {
        var rpc = Messages([.. Enumerable.Range(0, 40)]);
        rpc.Subscriptions.Add(new SubscriptionChange(true, "s"));

        var slices = new List<PubSubRpc>();
        for (var start = 0; start < rpc.Messages.Count; start += GossipSub.MessagesPerLock)
        {
            slices.Add(GossipSub.Slice(rpc, start, Math.Min(GossipSub.MessagesPerLock, rpc.Messages.Count - start)));
        }

        slices.Select(s => s.Messages.Count).ShouldBe([16, 16, 8]);
        ReceiverOrder(slices).ShouldBe(ReceiverOrder([rpc]));
    }

    [Fact]
    public async Task A_burst_of_publishes_arrives_exactly_once_and_in_order_with_the_default_queue()
    {
        const string topic = "harmony/0.0.1/node/shard/1";
        const int count = 1000;
        var network = new InMemoryLibp2pNetwork(1);
        var keys = new[] { new Ed25519TestKey(900), new Ed25519TestKey(901) };
        var hosts = keys.Select(k => network.CreateHost(k.PeerId)).ToArray();
        var options = new GossipSubOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(50), HeartbeatInitialDelay = TimeSpan.FromMilliseconds(10) };
        var sender = new GossipSub(hosts[0], options, keys[0], Ed25519TestVerifier.Instance, random: new Random(1));
        var receiver = new GossipSub(hosts[1], options, keys[1], Ed25519TestVerifier.Instance, random: new Random(2));
        await using (sender.ConfigureAwait(false))
        await using (receiver.ConfigureAwait(false))
        {
            var received = new System.Collections.Concurrent.ConcurrentQueue<int>();
            receiver.MessageReceived += m => received.Enqueue(BitConverter.ToInt32(m.Message.Data.Span));
            sender.Start();
            receiver.Start();
            sender.Join(topic);
            receiver.Join(topic);
            InMemoryLibp2pNetwork.Connect(hosts[0], hosts[1]);
            await Eventually.HoldsAsync(() => sender.TopicPeers(topic).Count == 1 && receiver.TopicPeers(topic).Count == 1, patience: TimeSpan.FromSeconds(30));

            for (var i = 0; i < count; i++)
            {
                sender.TryPublish(topic, BitConverter.GetBytes(i), out _).ShouldBeTrue();
            }

            await Eventually.HoldsAsync(() => received.Count >= count, patience: TimeSpan.FromSeconds(30));
            await Task.Delay(100);
            received.ShouldBe(Enumerable.Range(0, count));
            sender.DroppedRpcs.ShouldBe(0);
        }
    }
}
