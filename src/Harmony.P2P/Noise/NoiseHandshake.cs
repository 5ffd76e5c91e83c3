using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Security.Cryptography;
using Harmony.Crypto.Ed25519;
using Harmony.P2P.Identity;
using Harmony.P2P.Libp2p;
using Harmony.P2P.Transport;

namespace Harmony.P2P.Noise;

/// <summary>
/// The libp2p Noise handshake (<c>/noise</c>): <c>XX</c> with X25519, ChaCha20-Poly1305 and SHA-256, each handshake
/// message framed by a 2-byte big-endian length. The responder's second message and the initiator's third carry a
/// <c>NoiseHandshakePayload</c> proving that the identity key signed the Noise static key; a bad signature, an
/// unsupported key or a peer id other than the expected one fails the handshake with
/// <see cref="Libp2pProtocolException"/>. X25519 is Harmony.Crypto's RFC 7748 code; the AEAD, hash and HKDF are .NET's.
/// </summary>
public static class NoiseHandshake
{
    /// <summary>The protocol id negotiated by multistream-select.</summary>
    public const string ProtocolId = "/noise";

    /// <summary>The largest Noise message (handshake or transport), in bytes.</summary>
    public const int MaxMessageLength = 65535;

    private const int KeyLength = 32;

    /// <summary>Runs the handshake as the initiator (the dialer).</summary>
    /// <param name="raw">The unencrypted connection.</param>
    /// <param name="identity">This host's identity key.</param>
    /// <param name="expectedRemote">The peer the dialer expects, or <see langword="null"/> to accept any.</param>
    /// <param name="random">The source of the ephemeral and static Noise keys.</param>
    /// <param name="cancellationToken">Cancels the handshake (callers add their timeout here).</param>
    /// <returns>The secured session; it owns <paramref name="raw"/> from now on.</returns>
    public static ValueTask<NoiseSession> InitiateAsync(
        IDuplexPipe raw, Libp2pPrivateKey identity, PeerId? expectedRemote, RandomNumberGenerator random, CancellationToken cancellationToken) =>
        RunAsync(raw, identity, expectedRemote, random, initiator: true, SignStatic(identity), cancellationToken);

    /// <summary>Runs the handshake as the responder (the listener).</summary>
    /// <param name="raw">The unencrypted connection.</param>
    /// <param name="identity">This host's identity key.</param>
    /// <param name="random">The source of the ephemeral and static Noise keys.</param>
    /// <param name="cancellationToken">Cancels the handshake (callers add their timeout here).</param>
    /// <returns>The secured session; it owns <paramref name="raw"/> from now on.</returns>
    public static ValueTask<NoiseSession> RespondAsync(
        IDuplexPipe raw, Libp2pPrivateKey identity, RandomNumberGenerator random, CancellationToken cancellationToken) =>
        RunAsync(raw, identity, null, random, initiator: false, SignStatic(identity), cancellationToken);

    /// <summary>The handshake with a custom payload builder (tests use it to send a forged signature).</summary>
    internal static async ValueTask<NoiseSession> RunAsync(
        IDuplexPipe raw,
        Libp2pPrivateKey identity,
        PeerId? expectedRemote,
        RandomNumberGenerator random,
        bool initiator,
        Func<byte[], byte[]> payloadForStaticKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(random);
        var ephemeral = new byte[KeyLength];
        var staticKey = new byte[KeyLength];
        random.GetBytes(ephemeral);
        random.GetBytes(staticKey);
        var ephemeralPublic = new byte[KeyLength];
        var staticPublic = new byte[KeyLength];
        X25519.GetPublicKey(ephemeral, ephemeralPublic);
        X25519.GetPublicKey(staticKey, staticPublic);
        var payload = payloadForStaticKey(staticPublic);
        using var state = new NoiseSymmetricState();
        state.MixHash(ReadOnlySpan<byte>.Empty); // the empty prologue
        try
        {
            Libp2pPublicKey remote;
            if (initiator)
            {
                // -> e
                state.MixHash(ephemeralPublic);
                var message1 = new byte[KeyLength];
                ephemeralPublic.CopyTo(message1, 0);
                state.MixHash(ReadOnlySpan<byte>.Empty);
                await WriteMessageAsync(raw.Output, message1, cancellationToken).ConfigureAwait(false);

                // <- e, ee, s, es
                var message2 = await ReadMessageAsync(raw.Input, cancellationToken).ConfigureAwait(false);
                if (message2.Length < KeyLength + KeyLength + 16)
                {
                    throw new Libp2pProtocolException($"noise: handshake message 2 has {message2.Length} bytes, too short.");
                }

                var remoteEphemeral = message2[..KeyLength];
                state.MixHash(remoteEphemeral);
                state.MixKey(Dh(ephemeral, remoteEphemeral));
                var remoteStatic = DecryptAndHash(state, message2.AsSpan(KeyLength, KeyLength + 16), "the responder's static key");
                state.MixKey(Dh(ephemeral, remoteStatic));
                var remotePayload = DecryptAndHash(state, message2.AsSpan(KeyLength + KeyLength + 16), "the responder's payload");
                remote = VerifyPayload(remotePayload, remoteStatic, expectedRemote);

                // -> s, se
                var message3 = new byte[KeyLength + 16 + payload.Length + 16];
                int used = state.EncryptAndHash(staticPublic, message3);
                state.MixKey(Dh(staticKey, remoteEphemeral));
                used += state.EncryptAndHash(payload, message3.AsSpan(used));
                await WriteMessageAsync(raw.Output, message3.AsMemory(0, used), cancellationToken).ConfigureAwait(false);
                var (send, receive) = state.Split();
                return new NoiseSession(raw, send, receive, remote);
            }
            else
            {
                // -> e
                var message1 = await ReadMessageAsync(raw.Input, cancellationToken).ConfigureAwait(false);
                if (message1.Length < KeyLength)
                {
                    throw new Libp2pProtocolException($"noise: handshake message 1 has {message1.Length} bytes, too short.");
                }

                var remoteEphemeral = message1[..KeyLength];
                state.MixHash(remoteEphemeral);
                state.MixHash(message1.AsSpan(KeyLength));

                // <- e, ee, s, es
                var message2 = new byte[KeyLength + KeyLength + 16 + payload.Length + 16];
                ephemeralPublic.CopyTo(message2, 0);
                state.MixHash(ephemeralPublic);
                state.MixKey(Dh(ephemeral, remoteEphemeral));
                int used = KeyLength + state.EncryptAndHash(staticPublic, message2.AsSpan(KeyLength));
                state.MixKey(Dh(staticKey, remoteEphemeral));
                used += state.EncryptAndHash(payload, message2.AsSpan(used));
                await WriteMessageAsync(raw.Output, message2.AsMemory(0, used), cancellationToken).ConfigureAwait(false);

                // -> s, se
                var message3 = await ReadMessageAsync(raw.Input, cancellationToken).ConfigureAwait(false);
                if (message3.Length < KeyLength + 16 + 16)
                {
                    throw new Libp2pProtocolException($"noise: handshake message 3 has {message3.Length} bytes, too short.");
                }

                var remoteStatic = DecryptAndHash(state, message3.AsSpan(0, KeyLength + 16), "the initiator's static key");
                state.MixKey(Dh(ephemeral, remoteStatic));
                var remotePayload = DecryptAndHash(state, message3.AsSpan(KeyLength + 16), "the initiator's payload");
                remote = VerifyPayload(remotePayload, remoteStatic, expectedRemote);
                var (receive, send) = state.Split();
                return new NoiseSession(raw, send, receive, remote);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ephemeral);
            CryptographicOperations.ZeroMemory(staticKey);
        }
    }

    private static Func<byte[], byte[]> SignStatic(Libp2pPrivateKey identity) =>
        staticPublic => NoiseHandshakePayload.Encode(identity.PublicKey.Encoded, identity.Sign(NoiseHandshakePayload.SignedBytes(staticPublic)));

    private static Libp2pPublicKey VerifyPayload(byte[] payload, byte[] remoteStatic, PeerId? expectedRemote)
    {
        if (!NoiseHandshakePayload.TryDecode(payload, out var identityKey, out var signature))
        {
            throw new Libp2pProtocolException("noise: the handshake payload is not a NoiseHandshakePayload with an identity key and signature.");
        }

        if (!Libp2pPublicKey.TryDecode(identityKey, out var key))
        {
            throw new Libp2pProtocolException("noise: the remote identity key is malformed or of an unsupported type.");
        }

        if (!key.Verify(NoiseHandshakePayload.SignedBytes(remoteStatic), signature))
        {
            throw new Libp2pProtocolException($"noise: the identity signature of {key.PeerId} over its Noise static key is invalid.");
        }

        if (expectedRemote is not null && !expectedRemote.Equals(key.PeerId))
        {
            throw new Libp2pProtocolException($"noise: expected peer {expectedRemote}, the remote proved to be {key.PeerId}.");
        }

        return key;
    }

    private static byte[] DecryptAndHash(NoiseSymmetricState state, ReadOnlySpan<byte> ciphertext, string what)
    {
        var plaintext = new byte[Math.Max(0, ciphertext.Length - state.Overhead)];
        if (!state.TryDecryptAndHash(ciphertext, plaintext, out int written))
        {
            throw new Libp2pProtocolException($"noise: {what} failed authentication.");
        }

        return written == plaintext.Length ? plaintext : plaintext[..written];
    }

    private static byte[] Dh(byte[] privateKey, byte[] publicKey)
    {
        var shared = new byte[KeyLength];
        if (!X25519.TryDeriveSharedSecret(privateKey, publicKey, shared))
        {
            throw new Libp2pProtocolException("noise: the remote X25519 key gives an all-zero shared secret.");
        }

        return shared;
    }

    private static async ValueTask WriteMessageAsync(PipeWriter output, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var span = output.GetSpan(2 + message.Length);
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)message.Length);
        message.Span.CopyTo(span[2..]);
        output.Advance(2 + message.Length);
        var result = await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (result.IsCompleted)
        {
            throw new Libp2pProtocolException("noise: the remote closed the connection during the handshake.");
        }
    }

    private static async ValueTask<byte[]> ReadMessageAsync(PipeReader input, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length >= 2)
            {
                int length = NoiseSession.ReadLength(buffer);
                if (buffer.Length >= 2 + length)
                {
                    var message = buffer.Slice(2, length).ToArray();
                    input.AdvanceTo(buffer.GetPosition(2 + length));
                    return message;
                }
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                input.AdvanceTo(buffer.End);
                throw new Libp2pProtocolException("noise: the connection ended during the handshake.");
            }

            input.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
