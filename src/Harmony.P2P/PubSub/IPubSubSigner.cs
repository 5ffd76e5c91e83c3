namespace Harmony.P2P.PubSub;

/// <summary>Signs messages this node publishes with its libp2p identity key (implemented by the host's identity).</summary>
public interface IPubSubSigner
{
    /// <summary>The protobuf-encoded public key (<c>PublicKey { Type, Data }</c>) whose peer id is the local peer.</summary>
    ReadOnlyMemory<byte> EncodedPublicKey { get; }

    /// <summary>Signs <paramref name="data"/> (constant-time in the key).</summary>
    /// <param name="data">The bytes to sign: <c>"libp2p-pubsub:" ‖ message</c>.</param>
    /// <returns>The signature.</returns>
    byte[] Sign(ReadOnlySpan<byte> data);
}
