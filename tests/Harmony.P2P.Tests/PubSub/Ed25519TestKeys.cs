using Harmony.P2P.Libp2p;
using Harmony.P2P.PubSub;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Harmony.P2P.Tests.PubSub;

/// <summary>A libp2p Ed25519 identity (BouncyCastle's RFC 8032 code) used to sign pubsub messages in tests.</summary>
internal sealed class Ed25519TestKey : IPubSubSigner
{
    private readonly byte[] _secret;

    public Ed25519TestKey(int seed)
    {
        _secret = new byte[32];
        new Random(seed).NextBytes(_secret);
        var publicKey = new byte[32];
        Ed25519.GeneratePublicKey(_secret, 0, publicKey, 0);
        EncodedPublicKey = Ed25519TestVerifier.Encode(publicKey);
        PeerId = PeerId.FromEncodedPublicKey(EncodedPublicKey.Span);
    }

    public PeerId PeerId { get; }

    public ReadOnlyMemory<byte> EncodedPublicKey { get; }

    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        var message = data.ToArray();
        var signature = new byte[64];
        Ed25519.Sign(_secret, 0, message, 0, message.Length, signature, 0);
        return signature;
    }
}

/// <summary>Verifies Ed25519 signatures by protobuf-encoded libp2p keys (<c>08 01 12 20 ‖ key</c>).</summary>
internal sealed class Ed25519TestVerifier : IPubSubSignatureVerifier
{
    public static Ed25519TestVerifier Instance { get; } = new();

    public static byte[] Encode(byte[] publicKey) => [0x08, 0x01, 0x12, 0x20, .. publicKey];

    public bool Verify(ReadOnlySpan<byte> encodedPublicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        if (encodedPublicKey.Length != 36 || !encodedPublicKey[..4].SequenceEqual(new byte[] { 0x08, 0x01, 0x12, 0x20 }) || signature.Length != 64)
        {
            return false;
        }

        var message = data.ToArray();
        return Ed25519.Verify(signature.ToArray(), 0, encodedPublicKey[4..].ToArray(), 0, message, 0, message.Length);
    }
}
