using System.Buffers;
using System.Security.Cryptography;
using Harmony.P2P.Identity;
using Harmony.P2P.Noise;
using Harmony.P2P.Transport;
using BcX25519 = Org.BouncyCastle.Math.EC.Rfc7748.X25519;

namespace Harmony.P2P.Tests.Libp2p;

/// <summary>The Noise XX handshake and transport between two in-memory ends.</summary>
public sealed class NoiseTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    [Fact]
    public void X25519_matches_the_RFC_7748_Diffie_Hellman_example()
    {
        // RFC 7748 section 6.1.
        var alice = Convert.FromHexString("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        var bobPublic = Convert.FromHexString("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        var alicePublic = new byte[32];
        var shared = new byte[32];
        BcX25519.ScalarMultBase(alice, 0, alicePublic, 0);
        BcX25519.ScalarMult(alice, 0, bobPublic, 0, shared, 0);
        Convert.ToHexString(alicePublic).ShouldBe("8520F0098930A754748B7DDCB43EF75A0DBF3A0D26381AF4EBA4A98EAA9B4E6A");
        Convert.ToHexString(shared).ShouldBe("4A5D9D5BA4CE2DE1728E3BF480350F25E07E21C947D19E3376F09B3C1E161742");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task Both_sides_authenticate_each_other_and_exchange_data_in_both_directions(bool initiatorSecp, bool responderSecp)
    {
        using var random = RandomNumberGenerator.Create();
        using var initiatorKey = initiatorSecp ? Libp2pPrivateKey.GenerateSecp256k1(random) : Libp2pPrivateKey.GenerateEd25519(random);
        using var responderKey = responderSecp ? Libp2pPrivateKey.GenerateSecp256k1(random) : Libp2pPrivateKey.GenerateEd25519(random);
        var (left, right) = DuplexPipePair.Create();
        var respond = NoiseHandshake.RespondAsync(right, responderKey, random, Timeout).AsTask();
        await using var initiator = await NoiseHandshake.InitiateAsync(left, initiatorKey, responderKey.PeerId, random, Timeout);
        await using var responder = await respond;
        initiator.RemotePeer.ShouldBe(responderKey.PeerId);
        responder.RemotePeer.ShouldBe(initiatorKey.PeerId);

        // 200 KB spans several 65519-byte transport messages.
        var payload = new byte[200_000];
        new Random(1).NextBytes(payload);
        await initiator.Output.WriteAsync(payload);
        await initiator.Output.CompleteAsync();
        (await ReadAllAsync(responder.Input)).ShouldBe(payload);
        await responder.Output.WriteAsync("pong"u8.ToArray());
        await responder.Output.CompleteAsync();
        (await ReadAllAsync(initiator.Input)).ShouldBe("pong"u8.ToArray());
    }

    [Fact]
    public async Task A_responder_that_is_not_the_expected_peer_fails_the_dial()
    {
        using var random = RandomNumberGenerator.Create();
        using var initiatorKey = Libp2pPrivateKey.GenerateEd25519(random);
        using var responderKey = Libp2pPrivateKey.GenerateEd25519(random);
        using var someoneElse = Libp2pPrivateKey.GenerateEd25519(random);
        var (left, right) = DuplexPipePair.Create();
        _ = NoiseHandshake.RespondAsync(right, responderKey, random, Timeout).AsTask();
        var error = await Should.ThrowAsync<Libp2pProtocolException>(() => NoiseHandshake.InitiateAsync(left, initiatorKey, someoneElse.PeerId, random, Timeout).AsTask());
        error.Message.ShouldContain("expected peer");
    }

    [Fact]
    public async Task A_signature_over_another_static_key_fails_the_handshake()
    {
        using var random = RandomNumberGenerator.Create();
        using var initiatorKey = Libp2pPrivateKey.GenerateEd25519(random);
        using var liar = Libp2pPrivateKey.GenerateEd25519(random);
        var (left, right) = DuplexPipePair.Create();
        var forged = ForgedPayload(liar);
        _ = NoiseHandshake.RunAsync(right, liar, null, random, initiator: false, forged, Timeout).AsTask();
        var error = await Should.ThrowAsync<Libp2pProtocolException>(() => NoiseHandshake.InitiateAsync(left, initiatorKey, null, random, Timeout).AsTask());
        error.Message.ShouldContain("signature");
    }

    [Fact]
    public async Task A_tampered_transport_message_ends_the_session_with_a_reason()
    {
        using var random = RandomNumberGenerator.Create();
        using var a = Libp2pPrivateKey.GenerateEd25519(random);
        using var b = Libp2pPrivateKey.GenerateEd25519(random);
        var (initiatorEnd, middleA) = DuplexPipePair.Create();
        var (middleB, responderEnd) = DuplexPipePair.Create();

        // A man in the middle relays both ways and flips one bit of the initiator's third message (its first transport message).
        var forward = RelayAsync(middleA, middleB, tamperMessage: 3);
        var backward = RelayAsync(middleB, middleA, tamperMessage: int.MaxValue);
        var respond = NoiseHandshake.RespondAsync(responderEnd, b, random, Timeout).AsTask();
        await using var initiator = await NoiseHandshake.InitiateAsync(initiatorEnd, a, b.PeerId, random, Timeout);
        await using var responder = await respond;
        await initiator.Output.WriteAsync(new byte[100]);
        var error = await Should.ThrowAsync<Libp2pProtocolException>(async () => await ReadAllAsync(responder.Input));
        error.Message.ShouldContain("authentication");
        forward.IsFaulted.ShouldBeFalse();
        backward.IsFaulted.ShouldBeFalse();
    }

    private static Func<byte[], byte[]> ForgedPayload(Libp2pPrivateKey identity) => staticKey =>
    {
        var other = new byte[32];
        staticKey.CopyTo(other, 0);
        other[0] ^= 1;
        return NoiseHandshakePayload.Encode(identity.PublicKey.Encoded, identity.Sign(NoiseHandshakePayload.SignedBytes(other)));
    };

    /// <summary>Forwards length-prefixed messages from <paramref name="from"/>'s input to <paramref name="to"/>'s output, flipping a bit in one.</summary>
    private static async Task RelayAsync(System.IO.Pipelines.IDuplexPipe from, System.IO.Pipelines.IDuplexPipe to, int tamperMessage)
    {
        int messages = 0;
        while (true)
        {
            var result = await from.Input.ReadAsync();
            var buffer = result.Buffer;
            while (buffer.Length >= 2)
            {
                var prefix = buffer.Slice(0, 2).ToArray();
                int length = (prefix[0] << 8) | prefix[1];
                if (buffer.Length < 2 + length)
                {
                    break;
                }

                var frame = buffer.Slice(0, 2 + length).ToArray();
                if (++messages == tamperMessage)
                {
                    frame[^1] ^= 1;
                }

                await to.Output.WriteAsync(frame);
                buffer = buffer.Slice(2 + length);
            }

            from.Input.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                await to.Output.CompleteAsync();
                return;
            }
        }
    }

    private static async Task<byte[]> ReadAllAsync(System.IO.Pipelines.PipeReader input)
    {
        using var buffer = new MemoryStream();
        while (true)
        {
            var result = await input.ReadAsync();
            foreach (var segment in result.Buffer)
            {
                buffer.Write(segment.Span);
            }

            input.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return buffer.ToArray();
            }
        }
    }
}
