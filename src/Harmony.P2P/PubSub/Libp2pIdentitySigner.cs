using Harmony.P2P.Identity;

namespace Harmony.P2P.PubSub;

/// <summary>Signs published messages with the host's libp2p identity key (Ed25519 or secp256k1).</summary>
/// <param name="identity">The host's private key; its peer id must be the router's local peer.</param>
public sealed class Libp2pIdentitySigner(Libp2pPrivateKey identity) : IPubSubSigner
{
    private readonly byte[] _encoded = (identity ?? throw new ArgumentNullException(nameof(identity))).PublicKey.Encoded.ToArray();

    /// <inheritdoc />
    public ReadOnlyMemory<byte> EncodedPublicKey => _encoded;

    /// <inheritdoc />
    public byte[] Sign(ReadOnlySpan<byte> data) => identity.Sign(data);
}
