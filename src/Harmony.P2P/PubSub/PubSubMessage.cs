namespace Harmony.P2P.PubSub;

/// <summary>
/// The pubsub <c>Message</c>: from (1), data (2), seqno (3), topic (4), signature (5), key (6). Absent optional fields
/// are empty.
/// </summary>
/// <param name="From">The author's peer id bytes (empty under StrictNoSign).</param>
/// <param name="Data">The payload.</param>
/// <param name="Seqno">The author's sequence number, 8 big-endian bytes (empty under StrictNoSign).</param>
/// <param name="Topic">The topic.</param>
/// <param name="Signature">The author's signature over <c>"libp2p-pubsub:" ‖ message without signature and key</c>.</param>
/// <param name="Key">The author's protobuf public key when it is not inlined in <paramref name="From"/>.</param>
public sealed record PubSubMessage(
    ReadOnlyMemory<byte> From,
    ReadOnlyMemory<byte> Data,
    ReadOnlyMemory<byte> Seqno,
    string Topic,
    ReadOnlyMemory<byte> Signature,
    ReadOnlyMemory<byte> Key);
