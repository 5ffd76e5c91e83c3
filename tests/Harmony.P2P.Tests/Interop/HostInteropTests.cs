using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Harmony.P2P.Host;
using Harmony.P2P.Identity;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Multiaddr;

namespace Harmony.P2P.Tests.Interop;

/// <summary>The whole host against js-libp2p, in both dial directions: Noise, yamux, identify and ping.</summary>
public sealed class HostInteropTests
{
    private static readonly string[] JsOwnProtocols = ["/ipfs/id/1.0.0", "/ipfs/ping/1.0.0", "/ipfs/kad/1.0.0", "/meshsub/1.1.0"];

    [SkippableTheory]
    [InlineData("ed25519", false)]
    [InlineData("secp256k1", true)]
    public async Task CSharp_dials_js_then_both_identify_each_other_and_ping(string jsKeyType, bool csharpSecp256k1)
    {
        await using var js = await JsLibp2pPeer.StartAsync(jsKeyType);
        using var random = RandomNumberGenerator.Create();
        using var identity = csharpSecp256k1 ? Libp2pPrivateKey.GenerateSecp256k1(random) : Libp2pPrivateKey.GenerateEd25519(random);
        await using var host = NewHost(identity);
        host.SetHandler(new EchoHandler());
        var listen = host.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"));

        var identified = new TaskCompletionSource<Protocols.IdentifyMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.PeerIdentified += (peer, message) => identified.TrySetResult(message);
        (await host.DialAsync(js.Address)).ShouldBe(js.PeerId);
        host.ConnectedPeers.ShouldContain(js.PeerId);

        // C# learned JS's protocols through identify.
        var jsInfo = await identified.Task.WaitAsync(TimeSpan.FromSeconds(20));
        jsInfo.PublicKey!.PeerId.ShouldBe(js.PeerId);
        jsInfo.Protocols.ShouldBeSubsetOf(js.Protocols);
        foreach (string protocol in JsOwnProtocols)
        {
            jsInfo.Protocols.ShouldContain(protocol);
        }

        jsInfo.AgentVersion.ShouldBe("harmony-interop-js/1.0.0");

        // JS learned C#'s protocols (including a custom one) and listen address through identify.
        var csInfo = await js.CommandAsync(new JsonObject { ["cmd"] = "identify", ["peer"] = host.LocalPeer.ToString() });
        csInfo["peer"]!.GetValue<string>().ShouldBe(host.LocalPeer.ToString());
        var csProtocols = csInfo["protocols"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        csProtocols.ShouldContain("/ipfs/id/1.0.0");
        csProtocols.ShouldContain("/ipfs/ping/1.0.0");
        csProtocols.ShouldContain(EchoHandler.ProtocolId);
        csInfo["agentVersion"]!.GetValue<string>().ShouldBe("harmony-dotnet/0.1.0");
        csInfo["listenAddrs"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldContain(listen.ToString());
        Convert.FromHexString(csInfo["publicKey"]!.GetValue<string>()).ShouldBe(identity.PublicKey.Encoded.ToArray());

        // Ping both ways.
        (await host.PingAsync(js.PeerId)).ShouldBeGreaterThan(TimeSpan.Zero);
        var jsPing = await js.CommandAsync(new JsonObject { ["cmd"] = "ping", ["peer"] = host.LocalPeer.ToString() });
        jsPing["rttMs"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);
    }

    [SkippableTheory]
    [InlineData("ed25519", false)]
    [InlineData("secp256k1", true)]
    public async Task JS_dials_CSharp_then_identifies_pings_and_echoes_through_a_csharp_handler(string jsKeyType, bool csharpSecp256k1)
    {
        await using var js = await JsLibp2pPeer.StartAsync(jsKeyType);
        using var random = RandomNumberGenerator.Create();
        using var identity = csharpSecp256k1 ? Libp2pPrivateKey.GenerateSecp256k1(random) : Libp2pPrivateKey.GenerateEd25519(random);
        await using var host = NewHost(identity);
        host.SetHandler(new EchoHandler());
        var listen = host.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"));
        var connected = new TaskCompletionSource<PeerId>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.PeerConnected += peer => connected.TrySetResult(peer);

        var dial = await js.CommandAsync(new JsonObject { ["cmd"] = "dial", ["addr"] = listen.WithPeerId(host.LocalPeer).ToString() });
        dial["peer"]!.GetValue<string>().ShouldBe(host.LocalPeer.ToString());
        (await connected.Task.WaitAsync(TimeSpan.FromSeconds(20))).ShouldBe(js.PeerId);

        var csInfo = await js.CommandAsync(new JsonObject { ["cmd"] = "identify", ["peer"] = host.LocalPeer.ToString() });
        csInfo["protocols"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldContain(EchoHandler.ProtocolId);
        var jsInfo = await host.IdentifyAsync(js.PeerId);
        jsInfo.Protocols.ShouldContain("/ipfs/ping/1.0.0");
        jsInfo.ObservedAddress.ShouldNotBeNull();

        var jsPing = await js.CommandAsync(new JsonObject { ["cmd"] = "ping", ["peer"] = host.LocalPeer.ToString() });
        jsPing["rttMs"]!.GetValue<double>().ShouldBeGreaterThanOrEqualTo(0);
        (await host.PingAsync(js.PeerId)).ShouldBeGreaterThan(TimeSpan.Zero);

        // A stream opened by C# to JS's echo protocol carries a megabyte both ways (several window updates).
        var channel = await host.OpenStreamAsync(js.PeerId, ["/harmony-test/echo/1.0.0"]);
        channel.ShouldNotBeNull();
        var payload = new byte[1 << 20];
        new Random(3).NextBytes(payload);
        var send = Task.Run(async () =>
        {
            await channel.Output.WriteAsync(payload);
            await channel.CloseWriteAsync();
        });
        var received = await ReadAllAsync(channel);
        await send;
        received.ShouldBe(payload);
        await channel.DisposeAsync();
    }

    [SkippableFact]
    public async Task JS_bench_sender_streams_to_a_csharp_sink_with_flow_control()
    {
        await using var js = await JsLibp2pPeer.StartAsync();
        using var identity = Libp2pPrivateKey.GenerateEd25519();
        await using var host = NewHost(identity);
        host.SetHandler(new SinkHandler());
        var listen = host.Listen(Multiaddress.Parse("/ip4/127.0.0.1/tcp/0"));
        var result = await js.CommandAsync(new JsonObject
        {
            ["cmd"] = "bench.send",
            ["addr"] = listen.WithPeerId(host.LocalPeer).ToString(),
            ["bytes"] = 4 << 20,
        });
        result["bytes"]!.GetValue<long>().ShouldBe(4 << 20);
    }

    [SkippableFact]
    public async Task Hang_ups_and_graceful_shutdown_are_seen_on_the_other_side()
    {
        await using var js = await JsLibp2pPeer.StartAsync();
        using var identity = Libp2pPrivateKey.GenerateEd25519();
        var host = NewHost(identity);
        await using (host)
        {
            var left = new TaskCompletionSource<PeerId>(TaskCreationOptions.RunContinuationsAsynchronously);
            host.PeerDisconnected += peer => left.TrySetResult(peer);

            // JS hangs up: the C# host sees the peer leave.
            await host.DialAsync(js.Address);
            await js.WaitForEventAsync(e => e["event"]!.GetValue<string>() == "peer.connect");
            await js.CommandAsync(new JsonObject { ["cmd"] = "hangup", ["peer"] = host.LocalPeer.ToString() });
            (await left.Task.WaitAsync(TimeSpan.FromSeconds(20))).ShouldBe(js.PeerId);
            host.ConnectedPeers.ShouldBeEmpty();
            await js.WaitForEventAsync(e => e["event"]!.GetValue<string>() == "peer.disconnect");

            // The C# host shuts down (go-away, close): JS sees it leave.
            await host.DialAsync(js.Address);
            await js.WaitForEventAsync(e => e["event"]!.GetValue<string>() == "peer.connect");
        }

        await js.WaitForEventAsync(e => e["event"]!.GetValue<string>() == "peer.disconnect" && e["peer"]!.GetValue<string>() == identity.PeerId.ToString());
        (await js.CommandAsync(new JsonObject { ["cmd"] = "peers" }))["peers"]!.AsArray().ShouldBeEmpty();
    }

    internal static Libp2pHost NewHost(Libp2pPrivateKey identity) => new(identity, new Libp2pHostOptions());

    internal static async Task<byte[]> ReadAllAsync(ILibp2pChannel channel)
    {
        using var buffer = new MemoryStream();
        while (true)
        {
            var result = await channel.Input.ReadAsync();
            foreach (var segment in result.Buffer)
            {
                buffer.Write(segment.Span);
            }

            channel.Input.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return buffer.ToArray();
            }
        }
    }

    /// <summary>Echoes everything back until the remote closes its write side.</summary>
    internal sealed class EchoHandler : ILibp2pProtocolHandler
    {
        public const string ProtocolId = "/harmony-test/echo/1.0.0";

        public IReadOnlyList<string> Protocols { get; } = [ProtocolId];

        public async Task HandleAsync(ILibp2pChannel stream, CancellationToken cancellationToken)
        {
            await using (stream)
            {
                await stream.Input.CopyToAsync(stream.Output, cancellationToken);
            }
        }
    }

    /// <summary>Counts bytes until the remote closes its write side, then answers the count (8 bytes, big-endian).</summary>
    internal sealed class SinkHandler : ILibp2pProtocolHandler
    {
        public const string ProtocolId = "/harmony-test/sink/1.0.0";

        public IReadOnlyList<string> Protocols { get; } = [ProtocolId];

        public async Task HandleAsync(ILibp2pChannel stream, CancellationToken cancellationToken)
        {
            await using (stream)
            {
                long count = 0;
                while (true)
                {
                    var result = await stream.Input.ReadAsync(cancellationToken);
                    count += result.Buffer.Length;
                    stream.Input.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted)
                    {
                        break;
                    }
                }

                var answer = new byte[8];
                System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(answer, count);
                await stream.Output.WriteAsync(answer, cancellationToken);
            }
        }
    }
}
