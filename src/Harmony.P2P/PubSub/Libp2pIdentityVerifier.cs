using Harmony.P2P.Identity;

namespace Harmony.P2P.PubSub;

/// <summary>Verifies message signatures by protobuf-encoded libp2p keys (the key types <see cref="Libp2pPublicKey"/> reads).</summary>
public sealed class Libp2pIdentityVerifier : IPubSubSignatureVerifier
{
    /// <summary>The shared instance (stateless).</summary>
    public static Libp2pIdentityVerifier Instance { get; } = new();

    /// <inheritdoc />
    public bool Verify(ReadOnlySpan<byte> encodedPublicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        Libp2pPublicKey.TryDecode(encodedPublicKey, out var key) && key.Verify(data, signature);
}
