using Harmony.P2P.Libp2p;
using Harmony.P2P.PubSub.Scoring;
using Harmony.P2P.Records;

namespace Harmony.P2P.PubSub;

/// <summary>
/// Settings of a <see cref="GossipSubRouter"/>. Defaults are Harmony's (spec/harmony.md §7.3): D = 5, D_lo = 4,
/// D_hi = 8, D_lazy = 4, gossip factor 0.15, history 2/2, retransmission 2, fanout TTL 10 s, MaxIHaveLength 1000, 2 MiB
/// messages, StrictSign with from+seqno ids; the rest are the gossipsub v1.1 defaults. Checked by
/// <see cref="GossipSubOptionsValidator"/>.
/// </summary>
public sealed class GossipSubOptions
{
    /// <summary>D: target mesh degree.</summary>
    public int D { get; set; } = 5;

    /// <summary>D_lo: fewest mesh peers before grafting.</summary>
    public int DLow { get; set; } = 4;

    /// <summary>D_hi: most mesh peers before pruning.</summary>
    public int DHigh { get; set; } = 8;

    /// <summary>D_lazy: least number of peers to gossip to per topic per heartbeat.</summary>
    public int DLazy { get; set; } = 4;

    /// <summary>D_score: mesh peers kept by score when pruning an oversubscribed mesh.</summary>
    public int DScore { get; set; } = 3;

    /// <summary>D_out: outbound peers the mesh keeps (below D_lo and at most D/2).</summary>
    public int DOut { get; set; } = 2;

    /// <summary>Heartbeat period.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Delay before the first heartbeat.</summary>
    public TimeSpan HeartbeatInitialDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a fanout topic is kept after the last publish to it.</summary>
    public TimeSpan FanoutTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Heartbeats of messages kept in the message cache (served to IWANT).</summary>
    public int HistoryLength { get; set; } = 2;

    /// <summary>Heartbeats of messages advertised in IHAVE gossip (≤ <see cref="HistoryLength"/>).</summary>
    public int HistoryGossip { get; set; } = 2;

    /// <summary>Fraction of eligible peers gossiped to (at least <see cref="DLazy"/>).</summary>
    public double GossipFactor { get; set; } = 0.15;

    /// <summary>How often one peer may fetch the same message by IWANT.</summary>
    public int GossipRetransmission { get; set; } = 2;

    /// <summary>Most ids in one IHAVE, and most ids asked of one peer per heartbeat.</summary>
    public int MaxIHaveLength { get; set; } = 1000;

    /// <summary>Most IHAVE messages accepted from one peer per heartbeat.</summary>
    public int MaxIHaveMessages { get; set; } = 10;

    /// <summary>How long a peer has to deliver a message it advertised and we asked for (else P₇).</summary>
    public TimeSpan IWantFollowupTime { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Backoff sent with a PRUNE and honoured before re-grafting.</summary>
    public TimeSpan PruneBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Backoff sent with the PRUNEs of a topic this node leaves.</summary>
    public TimeSpan UnsubscribeBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A GRAFT this soon after the backoff was set counts twice against the sender.</summary>
    public TimeSpan GraftFloodThreshold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether PRUNEs carry peer exchange (and PX from well-scored peers is passed to the host).</summary>
    public bool PeerExchange { get; set; }

    /// <summary>
    /// Signed peer records to attach to the peers this node offers in peer exchange (their stored record, when any);
    /// the libp2p binding also stores the authentic records it receives in peer exchange here. None when
    /// <see langword="null"/>.
    /// </summary>
    public PeerRecordBook? PeerRecords { get; set; }

    /// <summary>
    /// Dials a peer offered in an accepted peer exchange, given its verified signed peer record (the binding calls it
    /// only for authentic records of peers not yet connected); none when <see langword="null"/>.
    /// </summary>
    public Func<PeerRecord, CancellationToken, ValueTask>? PeerExchangeDialer { get; set; }

    /// <summary>Peers offered in one PRUNE's peer exchange.</summary>
    public int PrunePeers { get; set; } = 16;

    /// <summary>Heartbeats between opportunistic-graft checks.</summary>
    public int OpportunisticGraftTicks { get; set; } = 60;

    /// <summary>Peers grafted by one opportunistic graft.</summary>
    public int OpportunisticGraftPeers { get; set; } = 2;

    /// <summary>Whether this node's own messages go to every topic peer above the publish threshold (v1.1).</summary>
    public bool FloodPublish { get; set; } = true;

    /// <summary>How long a message id is remembered as seen.</summary>
    public TimeSpan SeenTtl { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Most message ids remembered as seen (the oldest are forgotten first).</summary>
    public int MaxSeenMessages { get; set; } = 262_144;

    /// <summary>Most messages awaiting validation at once; more are ignored (Harmony's validate queue: 512).</summary>
    public int MaxPendingValidations { get; set; } = 512;

    /// <summary>
    /// RPCs queued per peer for sending, counted after merging (a messages-only RPC joins the newest queued one up to
    /// 64 KiB); more are dropped and counted (Harmony's outbound queue: 64).
    /// </summary>
    public int OutboundQueueSize { get; set; } = 64;

    /// <summary>
    /// Direct peers (explicit peering agreements, gossipsub v1.1): they receive every message of the topics they
    /// subscribe to, are never grafted into or pruned from a mesh, are never graylisted, and a GRAFT from one is answered
    /// with a PRUNE. Both sides should list each other.
    /// </summary>
    public IList<PeerId> DirectPeers { get; } = new List<PeerId>();

    /// <summary>Heartbeats between attempts to reconnect disconnected direct peers (the first attempt is at the first heartbeat).</summary>
    public int DirectConnectTicks { get; set; } = 300;

    /// <summary>
    /// Dials a direct peer that has no connection (the libp2p binding calls it from the reconnect heartbeat); when
    /// <see langword="null"/>, only direct peers that are connected but have no pubsub stream are re-opened.
    /// </summary>
    public Func<PeerId, CancellationToken, ValueTask>? DirectPeerDialer { get; set; }

    /// <summary>
    /// Gossipsub v1.2: a newly received message whose payload is at least this many bytes is announced with IDONTWANT
    /// to the <c>/meshsub/1.2.0</c> mesh peers while it awaits validation (go-libp2p-pubsub: 1 KiB;
    /// js-libp2p-gossipsub 14: 512 bytes). A message the validators accept at once is forwarded in the same flush
    /// instead, which tells those peers as much.
    /// </summary>
    public int IDontWantMessageThreshold { get; set; } = 1024;

    /// <summary>Most message ids accepted from one peer's IDONTWANTs per heartbeat; more are ignored.</summary>
    public int MaxIDontWantMessages { get; set; } = 1000;

    /// <summary>Heartbeats a peer's IDONTWANT for a message id is honoured.</summary>
    public int IDontWantHistory { get; set; } = 3;

    /// <summary>How messages are signed and checked.</summary>
    public SignaturePolicy SignaturePolicy { get; set; } = SignaturePolicy.StrictSign;

    /// <summary>
    /// The message-id function; when <see langword="null"/>, <see cref="MessageIdFunctions.FromAndSeqno"/> under
    /// StrictSign and <see cref="MessageIdFunctions.ContentHash"/> under StrictNoSign.
    /// </summary>
    public MessageIdFunction? MessageIdFunction { get; set; }

    /// <summary>Bounds on untrusted input.</summary>
    public PubSubLimits Limits { get; set; } = new();

    /// <summary>Peer scoring; <see langword="null"/> turns scoring off (every peer scores 0).</summary>
    public PeerScoreParams? Score { get; set; } = new();

    /// <summary>Score thresholds.</summary>
    public PeerScoreThresholds Thresholds { get; set; } = new();

    internal MessageIdFunction ResolvedMessageId =>
        MessageIdFunction ?? (SignaturePolicy == SignaturePolicy.StrictSign ? MessageIdFunctions.FromAndSeqno : MessageIdFunctions.ContentHash);
}
