using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Harmony.P2P.Host;
using Harmony.P2P.Identity;
using Harmony.P2P.Multiaddr;
using Harmony.P2P.PubSub;

namespace Harmony.Benchmarks.Libp2p;

/// <summary>
/// Signed gossip over loopback TCP + Noise + yamux: 200 messages of 256 bytes published on a Harmony topic and counted
/// at the receiver. C#→C# publishes from a C# host to a C# host; js→C# has the js-libp2p peer of
/// <c>tests/interop/libp2p/peer.js</c> publish the same 200 messages, one JSON command each (so the js figure includes
/// 200 command round trips, a few tens of microseconds each: an upper bound on js-libp2p's own cost). Messages per
/// second = 200 / mean time.
/// </summary>
[MemoryDiagnoser]
public class GossipOverTcpBenchmarks
{
    private const string Topic = "harmony/0.0.1/node/shard/1";
    private const int Messages = 200;

    private readonly byte[] _payload = new byte[256];
    private Libp2pPrivateKey _senderKey = null!;
    private Libp2pPrivateKey _receiverKey = null!;
    private Libp2pHost _senderHost = null!;
    private Libp2pHost _receiverHost = null!;
    private GossipSub _sender = null!;
    private GossipSub _receiver = null!;
    private JsLibp2pProcess _js = null!;
    private SemaphoreSlim _arrived = null!;
    private int _counter;

    [GlobalSetup]
    public void Setup()
    {
        _senderKey = Libp2pPrivateKey.GenerateEd25519();
        _receiverKey = Libp2pPrivateKey.GenerateEd25519();
        _senderHost = new Libp2pHost(_senderKey, new Libp2pHostOptions());
        _receiverHost = new Libp2pHost(_receiverKey, new Libp2pHostOptions());
        var options = new GossipSubOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(200), OutboundQueueSize = 4 * Messages };
        _sender = new GossipSub(_senderHost, options, new Libp2pIdentitySigner(_senderKey), Libp2pIdentityVerifier.Instance);
        _receiver = new GossipSub(_receiverHost, options, new Libp2pIdentitySigner(_receiverKey), Libp2pIdentityVerifier.Instance);
        _arrived = new SemaphoreSlim(0);
        _receiver.MessageReceived += _ => _arrived.Release();
        _sender.Start();
        _receiver.Start();
        _sender.Join(Topic);
        _receiver.Join(Topic);
        var address = _receiverHost.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")).WithPeerId(_receiverHost.LocalPeer);
        _senderHost.DialAsync(address).GetAwaiter().GetResult();
        _js = JsLibp2pProcess.Start();
        _js.Command(new JsonObject { ["cmd"] = "gossip.subscribe", ["topic"] = Topic });
        _js.Command(new JsonObject { ["cmd"] = "dial", ["addr"] = address.ToString() });
        WaitFor(() => _sender.TopicPeers(Topic).Count == 1 && _receiver.TopicPeers(Topic).Count == 2);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _js.Dispose();
        _sender.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _senderHost.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _receiverHost.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _senderKey.Dispose();
        _receiverKey.Dispose();
        _arrived.Dispose();
    }

    [Benchmark(Baseline = true, Description = "C# -> C#, 200 signed messages")]
    public async Task CSharpToCSharp()
    {
        for (var i = 0; i < Messages; i++)
        {
            Stamp();
            _sender.TryPublish(Topic, _payload.AsMemory().ToArray(), out _);
        }

        await ReceiveAsync().ConfigureAwait(false);
    }

    [Benchmark(Description = "js -> C#, 200 signed messages (one command each)")]
    public async Task JsToCSharp()
    {
        for (var i = 0; i < Messages; i++)
        {
            Stamp();
            _js.Command(new JsonObject { ["cmd"] = "gossip.publish", ["topic"] = Topic, ["dataHex"] = Convert.ToHexStringLower(_payload) });
        }

        await ReceiveAsync().ConfigureAwait(false);
    }

    private static void WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The gossip peers did not find each other.");
            }

            Thread.Sleep(50);
        }
    }

    private void Stamp()
    {
        _counter++;
        BitConverter.TryWriteBytes(_payload, _counter);
    }

    private async Task ReceiveAsync()
    {
        for (var i = 0; i < Messages; i++)
        {
            if (!await _arrived.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false))
            {
                throw new TimeoutException($"Only {i} of {Messages} messages arrived.");
            }
        }
    }
}
