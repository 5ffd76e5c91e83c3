using System.Diagnostics;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Harmony.P2P.Host;
using Harmony.P2P.Identity;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.PubSub;

namespace Harmony.Benchmarks.Libp2p;

/// <summary>
/// Gossip messages per second between two nodes over loopback TCP + Noise + yamux, C# and js-libp2p doing the same
/// work in the same run. One operation = 1000 signed (StrictSign, Ed25519) messages of 256 bytes published one after
/// another on <c>harmony/0.0.1/node/shard/1</c> by one node, timed from just before the first publish to the delivery
/// of the last one at the other node (every message arrives exactly once; message ids are from ‖ seqno).
/// <list type="bullet">
/// <item>C# → C#: two <see cref="GossipSub"/> services on two <see cref="Libp2pHost"/>s in this process, default
/// options; delivery = the receiver's <see cref="GossipSub.MessageReceived"/>.</item>
/// <item>js → js: two <c>tests/interop/libp2p/peer.js</c> processes (js-libp2p gossipsub, its default options apart
/// from D = 5/4/8 as Harmony uses); the receiver is armed with <c>bench.gossipExpect</c>, the sender runs
/// <c>bench.gossipPublish</c> (each publish awaited), and delivery = the receiver's gossipsub <c>message</c> event.
/// BenchmarkDotNet's time for this case also includes three JSON command lines (well under a millisecond in all).</item>
/// <item>Interleaved: three C# rounds and three js rounds, alternating, each timed inside its own stack (the js time is
/// the receiver's last-delivery clock minus the sender's first-publish clock); the global cleanup prints the medians
/// and the ratio of the medians over every round of the run, which is the figure to quote for "C# vs js".</item>
/// </list>
/// The two pairs are not connected to each other.
/// </summary>
[MemoryDiagnoser]
public class GossipOverTcpBenchmarks
{
    private const string Topic = "harmony/0.0.1/node/shard/1";
    private const int Messages = 1000;
    private const int PayloadBytes = 256;
    private const int RoundsPerInterleave = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly PairedSamples _samples = new("messages", Messages);
    private Libp2pPrivateKey _senderKey = null!;
    private Libp2pPrivateKey _receiverKey = null!;
    private Libp2pHost _senderHost = null!;
    private Libp2pHost _receiverHost = null!;
    private GossipSub _sender = null!;
    private GossipSub _receiver = null!;
    private JsLibp2pProcess _jsSender = null!;
    private JsLibp2pProcess _jsReceiver = null!;
    private TaskCompletionSource<long> _allArrived = new();
    private int _arrived;
    private int _counter;

    [GlobalSetup]
    public void Setup()
    {
        _senderKey = Libp2pPrivateKey.GenerateEd25519();
        _receiverKey = Libp2pPrivateKey.GenerateEd25519();
        _senderHost = new Libp2pHost(_senderKey, new Libp2pHostOptions());
        _receiverHost = new Libp2pHost(_receiverKey, new Libp2pHostOptions());
        _sender = new GossipSub(_senderHost, new GossipSubOptions(), new Libp2pIdentitySigner(_senderKey), Libp2pIdentityVerifier.Instance);
        _receiver = new GossipSub(_receiverHost, new GossipSubOptions(), new Libp2pIdentitySigner(_receiverKey), Libp2pIdentityVerifier.Instance);
        _receiver.MessageReceived += OnReceived;
        _sender.Start();
        _receiver.Start();
        _sender.Join(Topic);
        _receiver.Join(Topic);
        var address = _receiverHost.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")).WithPeerId(_receiverHost.LocalPeer);
        _senderHost.DialAsync(address).GetAwaiter().GetResult();
        WaitFor(() => _sender.MeshPeers(Topic).Count == 1 && _receiver.MeshPeers(Topic).Count == 1);

        _jsSender = JsLibp2pProcess.Start();
        _jsReceiver = JsLibp2pProcess.Start();
        foreach (var js in new[] { _jsSender, _jsReceiver })
        {
            js.Command(new JsonObject { ["cmd"] = "gossip.subscribe", ["topic"] = Topic });
        }

        _jsSender.Command(new JsonObject { ["cmd"] = "dial", ["addr"] = _jsReceiver.Address });
        WaitFor(() => JsTopicPeers(_jsSender) == 1 && JsTopicPeers(_jsReceiver) == 1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_samples.Count > 0)
        {
            Console.WriteLine($"// Gossip over TCP, {Messages} signed messages of {PayloadBytes} B: {_samples.Summary()}");
        }

        _jsSender.Dispose();
        _jsReceiver.Dispose();
        _sender.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _senderHost.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _receiverHost.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _senderKey.Dispose();
        _receiverKey.Dispose();
    }

    [Benchmark(Baseline = true, Description = "C# -> C#, 1000 signed messages")]
    public double CSharpToCSharp() => CSharpRound();

    [Benchmark(Description = "js -> js, 1000 signed messages")]
    public double JsToJs() => JsRound();

    [Benchmark(Description = "C# and js alternating, 3 rounds each (see the cleanup line)")]
    public double Interleaved()
    {
        double total = 0;
        for (var i = 0; i < RoundsPerInterleave; i++)
        {
            double csharp = CSharpRound(), js = JsRound();
            _samples.AddCSharp(csharp);
            _samples.AddJs(js);
            total += csharp + js;
        }

        return total;
    }

    private static int JsTopicPeers(JsLibp2pProcess js) =>
        js.Command(new JsonObject { ["cmd"] = "gossip.peers", ["topic"] = Topic })["peers"]!.AsArray().Count;

    private static void WaitFor(Func<bool> condition)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(30 * Stopwatch.Frequency);
        while (!condition())
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException("The gossip peers did not find each other.");
            }

            Thread.Sleep(50);
        }
    }

    /// <summary>Publishes the messages from the C# sender; milliseconds from the first publish to the last delivery.</summary>
    private double CSharpRound()
    {
        _arrived = 0;
        _allArrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var dropped = _sender.DroppedRpcs;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < Messages; i++)
        {
            var payload = new byte[PayloadBytes];
            BitConverter.TryWriteBytes(payload, ++_counter);
            if (!_sender.TryPublish(Topic, payload, out _))
            {
                throw new InvalidOperationException("A publish was refused.");
            }
        }

        if (!_allArrived.Task.Wait(Patience))
        {
            throw new TimeoutException($"Only {_arrived} of {Messages} messages arrived ({_sender.DroppedRpcs - dropped} RPCs dropped by the sender).");
        }

        return Stopwatch.GetElapsedTime(start, _allArrived.Task.Result).TotalMilliseconds;
    }

    /// <summary>The same work between the two js-libp2p peers, timed inside js.</summary>
    private double JsRound()
    {
        _jsReceiver.Command(new JsonObject { ["cmd"] = "bench.gossipExpect", ["topic"] = Topic, ["count"] = Messages });
        var published = _jsSender.Command(new JsonObject { ["cmd"] = "bench.gossipPublish", ["topic"] = Topic, ["count"] = Messages, ["size"] = PayloadBytes });
        var done = _jsReceiver.WaitForEvent("bench.gossip", Patience);
        return done["lastMs"]!.GetValue<double>() - published["startMs"]!.GetValue<double>();
    }

    private void OnReceived(ReceivedPubSubMessage message)
    {
        if (Interlocked.Increment(ref _arrived) == Messages)
        {
            _allArrived.TrySetResult(Stopwatch.GetTimestamp());
        }
    }
}
