namespace Harmony.P2P.PubSub;

/// <summary>IHAVE: message ids the sender has for a topic (gossip).</summary>
/// <param name="Topic">The topic.</param>
/// <param name="MessageIds">The ids.</param>
public sealed record ControlIHave(string Topic, IReadOnlyList<MessageId> MessageIds);

/// <summary>IWANT: message ids the sender asks to be sent in full.</summary>
/// <param name="MessageIds">The ids.</param>
public sealed record ControlIWant(IReadOnlyList<MessageId> MessageIds);

/// <summary>IDONTWANT (v1.2): message ids the sender already has and asks not to be sent.</summary>
/// <param name="MessageIds">The ids.</param>
public sealed record ControlIDontWant(IReadOnlyList<MessageId> MessageIds);

/// <summary>GRAFT: the sender adds the receiver to its mesh for a topic.</summary>
/// <param name="Topic">The topic.</param>
public sealed record ControlGraft(string Topic);

/// <summary>PRUNE: the sender removes the receiver from its mesh, with peer exchange and a backoff (v1.1).</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Peers">Other peers of the topic the receiver may connect to.</param>
/// <param name="BackoffSeconds">How long the receiver must wait before grafting again; <see langword="null"/> when absent.</param>
public sealed record ControlPrune(string Topic, IReadOnlyList<PeerExchangeRecord> Peers, ulong? BackoffSeconds);

/// <summary>A peer offered by peer exchange: its id and an optional signed peer record (an envelope, passed through).</summary>
/// <param name="PeerId">The peer id bytes.</param>
/// <param name="SignedPeerRecord">The signed peer record, or empty.</param>
public readonly record struct PeerExchangeRecord(ReadOnlyMemory<byte> PeerId, ReadOnlyMemory<byte> SignedPeerRecord);
