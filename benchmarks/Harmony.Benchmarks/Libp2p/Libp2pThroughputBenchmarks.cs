using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Harmony.P2P.Host;
using Harmony.P2P.Identity;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Multiaddr;

namespace Harmony.Benchmarks.Libp2p;

/// <summary>
/// Noise-encrypted yamux stream throughput on loopback TCP: one new stream on an open connection carries 16 MiB in
/// 64 KiB writes to a sink that answers with the byte count. The same transfer runs C#→C#, js-libp2p→js-libp2p,
/// js→C# and C#→js in the same run (the JS peers are <c>tests/interop/libp2p/peer.js</c>; BenchmarkDotNet's time
/// for a js sender includes one JSON command round trip, well under a millisecond). Throughput = 16 MiB / mean time.
/// Because the machine's load moves between benchmarks, <see cref="Interleaved"/> alternates C#→C# and js→js
/// transfers inside one operation, each timed inside its own stack (stream open to count received); the global
/// cleanup prints the medians over every transfer of the run and their ratio — the figure to quote for "C# vs js".
/// </summary>
[MemoryDiagnoser]
public class Libp2pThroughputBenchmarks
{
    private const string SinkProtocol = "/harmony-test/sink/1.0.0";
    private const int TotalBytes = 16 << 20;
    private const int ChunkBytes = 64 * 1024;

    private const int RoundsPerInterleave = 3;

    private readonly byte[] _chunk = new byte[ChunkBytes];
    private readonly PairedSamples _samples = new("MB", TotalBytes / 1e6);
    private Libp2pPrivateKey _senderKey = null!;
    private Libp2pPrivateKey _receiverKey = null!;
    private Libp2pHost _sender = null!;
    private Libp2pHost _receiver = null!;
    private Multiaddress _receiverAddress = null!;
    private JsLibp2pProcess _jsSender = null!;
    private JsLibp2pProcess _jsReceiver = null!;
    private PeerId _jsReceiverPeer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _senderKey = Libp2pPrivateKey.GenerateEd25519();
        _receiverKey = Libp2pPrivateKey.GenerateEd25519();
        _sender = new Libp2pHost(_senderKey, new Libp2pHostOptions());
        _receiver = new Libp2pHost(_receiverKey, new Libp2pHostOptions());
        _receiver.SetHandler(new SinkHandler());
        _receiverAddress = _receiver.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")).WithPeerId(_receiver.LocalPeer);
        _sender.DialAsync(_receiverAddress).GetAwaiter().GetResult();
        _jsSender = JsLibp2pProcess.Start();
        _jsReceiver = JsLibp2pProcess.Start();
        _jsReceiverPeer = PeerId.Parse(_jsReceiver.PeerId);
        _sender.DialAsync(Multiaddress.Parse(_jsReceiver.Address)).GetAwaiter().GetResult();
        _jsSender.Command(new JsonObject { ["cmd"] = "dial", ["addr"] = _jsReceiver.Address });
        _jsSender.Command(new JsonObject { ["cmd"] = "dial", ["addr"] = _receiverAddress.ToString() });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_samples.Count > 0)
        {
            Console.WriteLine($"// Noise + yamux stream, 16 MiB: {_samples.Summary()}");
        }

        _jsSender.Dispose();
        _jsReceiver.Dispose();
        _sender.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _receiver.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _senderKey.Dispose();
        _receiverKey.Dispose();
    }

    [Benchmark(Baseline = true, Description = "C# -> C#, 16 MiB")]
    public Task<long> CSharpToCSharp() => SendAsync(_receiver.LocalPeer);

    [Benchmark(Description = "C# -> js, 16 MiB")]
    public Task<long> CSharpToJs() => SendAsync(_jsReceiverPeer);

    [Benchmark(Description = "js -> js, 16 MiB")]
    public long JsToJs() => JsSend(_jsReceiver.Address);

    [Benchmark(Description = "js -> C#, 16 MiB")]
    public long JsToCSharp() => JsSend(_receiverAddress.ToString());

    [Benchmark(Description = "C# -> C# and js -> js alternating, 3 rounds each (see the cleanup line)")]
    public async Task<double> Interleaved()
    {
        double total = 0;
        for (var i = 0; i < RoundsPerInterleave; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await SendAsync(_receiver.LocalPeer).ConfigureAwait(false);
            var csharp = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            var js = _jsSender.Command(new JsonObject { ["cmd"] = "bench.send", ["addr"] = _jsReceiver.Address, ["bytes"] = TotalBytes })["ms"]!.GetValue<double>();
            _samples.AddCSharp(csharp);
            _samples.AddJs(js);
            total += csharp + js;
        }

        return total;
    }

    private long JsSend(string address) =>
        _jsSender.Command(new JsonObject { ["cmd"] = "bench.send", ["addr"] = address, ["bytes"] = TotalBytes })["bytes"]!.GetValue<long>();

    private async Task<long> SendAsync(PeerId target)
    {
        var channel = await _sender.OpenStreamAsync(target, [SinkProtocol]).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The sink protocol was refused.");
        await using (channel.ConfigureAwait(false))
        {
            for (int sent = 0; sent < TotalBytes; sent += ChunkBytes)
            {
                await channel.Output.WriteAsync(_chunk).ConfigureAwait(false);
            }

            await channel.CloseWriteAsync().ConfigureAwait(false);
            while (true)
            {
                var result = await channel.Input.ReadAsync().ConfigureAwait(false);
                if (result.Buffer.Length >= 8)
                {
                    var count = new byte[8];
                    result.Buffer.Slice(0, 8).CopyTo(count);
                    channel.Input.AdvanceTo(result.Buffer.End);
                    return BinaryPrimitives.ReadInt64BigEndian(count);
                }

                channel.Input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                if (result.IsCompleted)
                {
                    throw new InvalidOperationException("The sink closed without its count.");
                }
            }
        }
    }

    /// <summary>Counts bytes until the sender closes its side, then answers the count (8 bytes, big-endian).</summary>
    private sealed class SinkHandler : ILibp2pProtocolHandler
    {
        public IReadOnlyList<string> Protocols { get; } = [SinkProtocol];

        public async Task HandleAsync(ILibp2pChannel stream, CancellationToken cancellationToken)
        {
            await using (stream.ConfigureAwait(false))
            {
                long count = 0;
                while (true)
                {
                    var result = await stream.Input.ReadAsync(cancellationToken).ConfigureAwait(false);
                    count += result.Buffer.Length;
                    stream.Input.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted)
                    {
                        break;
                    }
                }

                var answer = new byte[8];
                BinaryPrimitives.WriteInt64BigEndian(answer, count);
                await stream.Output.WriteAsync(answer, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
