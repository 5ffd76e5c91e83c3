using Harmony.Consensus.Blocks;
using Harmony.Consensus.Messages;
using Harmony.Crypto.Bls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harmony.Consensus.Engine;

/// <summary>
/// Harmony's FBFT consensus for one node of one shard, as a deterministic state machine (spec/harmony.md §1–§2).
/// Inputs are <see cref="HandleMessage(ReadOnlySpan{byte})"/>, <see cref="Tick"/> (timers, read from the injected
/// <see cref="TimeProvider"/>) and <see cref="SubmitCommittedBlock"/> (catch-up); each returns the messages to
/// broadcast and the events that happened. There are no sockets, threads or clock reads of its own: the same inputs
/// in the same order produce the same outputs.
/// </summary>
/// <remarks>
/// Not thread-safe: feed one engine from one thread (or under a lock). Blocks are opaque bytes that
/// <see cref="IBlockValidator"/> interprets; committed blocks go to the <see cref="ICommittedBlockStore"/> before they
/// are reported, and a new engine over the same store resumes after the last one.
/// </remarks>
public sealed partial class FbftEngine
{
    private readonly ConsensusCommittee _committee;
    private readonly IBlsSignatureScheme _scheme;
    private readonly OwnKey[] _own;
    private readonly SignerBitmap _ownBitmap;
    private readonly IBlockProposer _proposer;
    private readonly IBlockValidator _validator;
    private readonly ICommittedBlockStore _store;
    private readonly ConsensusOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DoubleSignDetector _detector;
    private readonly EvidenceContext _evidenceContext;
    private readonly List<RetryEntry> _retries = [];
    private readonly Dictionary<string, CandidateBlock> _candidates = new(StringComparer.Ordinal);
    private readonly SortedDictionary<ulong, List<HarmonyMessage>> _pendingCommitted = [];
    private readonly Dictionary<ulong, ViewChangeBook> _viewChangeBooks = [];
    private readonly DateTimeOffset _startTime;

    private FbftOutput _output = new();
    private CommittedBlock? _head;
    private CandidateBlock? _block;
    private PreparedLock? _lock;
    private VoteBook? _prepareVotes;
    private VoteBook? _commitVotes;
    private bool _commitSent;
    private DateTimeOffset _consensusDeadline;
    private DateTimeOffset _viewChangeDeadline;
    private DateTimeOffset? _proposalDue;
    private DateTimeOffset _roundStart;
    private bool _started;

    /// <summary>Creates an engine. Nothing happens until <see cref="Start"/>.</summary>
    /// <param name="committee">The shard's committee and quorum rule.</param>
    /// <param name="keys">This node's BLS keys; keys outside the committee are ignored, and with none the node only listens.</param>
    /// <param name="proposer">Builds blocks when this node leads.</param>
    /// <param name="validator">Validates blocks and reports their header facts.</param>
    /// <param name="store">Committed blocks; read at start, appended on commit.</param>
    /// <param name="options">Timers, retries and shard settings.</param>
    /// <param name="timeProvider">The clock every timer reads.</param>
    /// <param name="logger">Optional logger.</param>
    public FbftEngine(ConsensusCommittee committee, IReadOnlyList<BlsSecretKey> keys, IBlockProposer proposer, IBlockValidator validator, ICommittedBlockStore store, ConsensusOptions options, TimeProvider timeProvider, ILogger<FbftEngine>? logger = null)
    {
        _committee = committee ?? throw new ArgumentNullException(nameof(committee));
        ArgumentNullException.ThrowIfNull(keys);
        _proposer = proposer ?? throw new ArgumentNullException(nameof(proposer));
        _validator = validator ?? throw new ArgumentNullException(nameof(validator));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _scheme = committee.Scheme;
        var own = new List<OwnKey>();
        _ownBitmap = committee.NewBitmap();
        foreach (var key in keys)
        {
            var publicKey = _scheme.GetPublicKey(key);
            var encoded = new byte[_scheme.PublicKeySize];
            _scheme.EncodePublicKey(publicKey, encoded);
            if (committee.TryGetIndex(encoded, out int index) && _ownBitmap.Set(index))
            {
                own.Add(new OwnKey(index, key));
            }
        }

        _own = [.. own];
        _detector = new DoubleSignDetector(committee);
        var reporter = _own.Length > 0 ? committee.Address(_own[0].Index) : new byte[ConsensusCommittee.AddressSize];
        _evidenceContext = new EvidenceContext(reporter, options.Epoch, options.ShardId, options.CommitPayloadIncludesViewId);
        _startTime = timeProvider.GetUtcNow();
        _head = store.Latest;
        Height = (_head?.Height ?? 0) + 1;
        ViewId = (_head?.CommitViewId ?? 0) + 1;
        ViewChangingId = ViewId;
        Mode = _own.Length > 0 ? ConsensusMode.Normal : ConsensusMode.Listening;
        LeaderIndex = LeaderForView(ViewId);
    }

    /// <summary>The height being agreed on (the last committed height + 1).</summary>
    public ulong Height { get; private set; }

    /// <summary>The current view (<c>blockViewID</c>).</summary>
    public ulong ViewId { get; private set; }

    /// <summary>The view asked for while changing views (<c>viewChangingID</c>).</summary>
    public ulong ViewChangingId { get; private set; }

    /// <summary>The mode.</summary>
    public ConsensusMode Mode { get; private set; }

    /// <summary>The round's phase.</summary>
    public ConsensusPhase Phase { get; private set; }

    /// <summary>The committee index of the current (or, while changing views, the proposed) leader.</summary>
    public int LeaderIndex { get; private set; }

    /// <summary>Whether one of this node's keys leads the current view.</summary>
    public bool IsLeader => _ownBitmap.IsSet(LeaderIndex);

    /// <summary>The committee indices of this node's keys.</summary>
    public IEnumerable<int> OwnIndices => _own.Select(k => k.Index);

    /// <summary>The last committed block, or <see langword="null"/>.</summary>
    public CommittedBlock? LastCommitted => _head;

    /// <summary>Pairing checks this engine has spent (signature verifications of any kind).</summary>
    public long PairingChecks { get; private set; }

    /// <summary>The earliest time at which <see cref="Tick"/> has work to do; hosts may sleep until then.</summary>
    public DateTimeOffset NextTimerDue
    {
        get
        {
            var due = Mode == ConsensusMode.ViewChanging ? _viewChangeDeadline : _consensusDeadline;
            if (_proposalDue is { } proposal && proposal < due)
            {
                due = proposal;
            }

            foreach (var retry in _retries)
            {
                if (retry.Next < due)
                {
                    due = retry.Next;
                }
            }

            return due;
        }
    }

    /// <summary>Starts the timers (bootstrap timeout) and, when this node leads, schedules the first proposal.</summary>
    /// <returns>What to broadcast.</returns>
    public FbftOutput Start()
    {
        BeginInput();
        if (!_started)
        {
            _started = true;
            var now = _time.GetUtcNow();
            _consensusDeadline = now + _options.BootstrapTimeout;
            _roundStart = now;
            if (Mode == ConsensusMode.Normal && IsLeader)
            {
                _proposalDue = now;
                TryPropose(now);
            }
        }

        return EndInput();
    }

    /// <summary>Handles a gossip payload from the shard topic (<c>0x11 ‖ BE32(len) ‖ category ‖ body</c>).</summary>
    /// <param name="gossipPayload">The received bytes (untrusted).</param>
    /// <returns>What to broadcast and what happened.</returns>
    public FbftOutput HandleMessage(ReadOnlySpan<byte> gossipPayload)
    {
        BeginInput();
        if (!GossipFrame.TryUnwrap(gossipPayload, out byte category, out var body, out var error))
        {
            Malformed(error ?? "malformed frame");
        }
        else if (category != GossipFrame.ConsensusCategory)
        {
            Malformed($"category 0x{category:x2} is not consensus");
        }
        else if (!HarmonyMessage.TryDecode(body, out var message, out error))
        {
            Malformed(error);
        }
        else
        {
            Dispatch(message);
        }

        return EndInput();
    }

    /// <summary>Handles an already decoded message (untrusted).</summary>
    /// <param name="message">The message.</param>
    /// <returns>What to broadcast and what happened.</returns>
    public FbftOutput HandleMessage(HarmonyMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        BeginInput();
        Dispatch(message);
        return EndInput();
    }

    /// <summary>Runs due timers: proposal, re-sends, consensus and view-change timeouts. Call it every <see cref="ConsensusOptions.TimerPollInterval"/> or at <see cref="NextTimerDue"/>.</summary>
    /// <returns>What to broadcast and what happened.</returns>
    public FbftOutput Tick()
    {
        BeginInput();
        if (_started)
        {
            OnTick(_time.GetUtcNow());
        }

        return EndInput();
    }

    private void BeginInput() => _output = new FbftOutput();

    private FbftOutput EndInput()
    {
        var output = _output;
        _output = new FbftOutput();
        return output;
    }

    private void Malformed(string reason)
    {
        ConsensusMetrics.MessagesDropped.Add(1);
        FbftLog.Malformed(_logger, reason);
    }

    private void Drop(MessageType type, string reason)
    {
        ConsensusMetrics.MessagesDropped.Add(1);
        FbftLog.Dropped(_logger, type, reason);
    }

    private void Dispatch(HarmonyMessage message)
    {
        if (!PassesFilters(message, out string? reason))
        {
            Drop(message.Type, reason);
            return;
        }

        switch (message.Type)
        {
            case MessageType.Announce:
                OnAnnounce(message, message.Consensus!);
                break;
            case MessageType.Prepare:
                OnPrepare(message.Consensus!);
                break;
            case MessageType.Prepared:
                OnPrepared(message, message.Consensus!);
                break;
            case MessageType.Commit:
                OnCommit(message.Consensus!);
                break;
            case MessageType.Committed:
                OnCommitted(message, message.Consensus!);
                break;
            case MessageType.ViewChange:
                OnViewChange(message, message.ViewChange!);
                break;
            case MessageType.NewView:
                OnNewView(message, message.ViewChange!);
                break;
            default:
                Drop(message.Type, "not handled by the engine");
                break;
        }
    }

    private bool Verify(in BlsPublicKey key, ReadOnlySpan<byte> message, in BlsSignature signature)
    {
        PairingChecks++;
        ConsensusMetrics.PairingChecks.Add(1);
        return _scheme.Verify(key, message, signature);
    }

    private bool VerifyCertificate(AggregateCertificate certificate, ReadOnlySpan<byte> message)
    {
        if (!_committee.Decider.IsQuorum(certificate.Signers))
        {
            return false;
        }

        PairingChecks++;
        ConsensusMetrics.PairingChecks.Add(1);
        return _committee.Keys.VerifyAggregate(certificate.Signers, message, certificate.Signature);
    }

    private bool VerifyMessageSignature(int senderIndex, HarmonyMessage message)
    {
        PairingChecks++;
        ConsensusMetrics.PairingChecks.Add(1);
        return MessageSignature.Verify(_scheme, _committee.Keys.Keys[senderIndex], message);
    }

    private void CountPairings(int count)
    {
        PairingChecks += count;
        ConsensusMetrics.PairingChecks.Add(count);
    }

    /// <summary>Signs with every own key and sums the signatures (a multi-key node's single vote).</summary>
    private bool TrySignAll(ReadOnlySpan<byte> message, out BlsSignature sum)
    {
        var parts = new BlsSignature[_own.Length];
        for (int i = 0; i < _own.Length; i++)
        {
            if (!_scheme.TrySign(_own[i].Secret, message, out parts[i]))
            {
                sum = default;
                return false;
            }
        }

        return BlsSignature.TryAggregate(parts, out sum);
    }

    private OwnKey? OwnKeyAt(int index)
    {
        foreach (var key in _own)
        {
            if (key.Index == index)
            {
                return key;
            }
        }

        return null;
    }

    private byte[] EncodeSignature(in BlsSignature signature)
    {
        var bytes = new byte[_scheme.SignatureSize];
        _scheme.EncodeSignature(signature, bytes);
        return bytes;
    }

    private byte[] CommitPayloadFor(ulong height, ReadOnlySpan<byte> hash, ulong blockViewId) =>
        CommitPayload.Build(height, hash, blockViewId, _options.CommitPayloadIncludesViewId);

    private void Broadcast(HarmonyMessage message, bool retry)
    {
        var frame = GossipFrame.WrapConsensus(message);
        _output.Add(new OutboundMessage(message.Type, frame, IsRetry: false));
        if (retry && _options.MaxRetries > 0)
        {
            _retries.Add(new RetryEntry(message.Type, frame, _time.GetUtcNow() + _options.RetryInterval, _options.MaxRetries));
        }
    }

    private HarmonyMessage SignedBy(int keyIndex, HarmonyMessage message)
    {
        var key = OwnKeyAt(keyIndex) ?? throw new InvalidOperationException($"Committee key {keyIndex} is not this node's.");
        return MessageSignature.Sign(_scheme, key.Secret, message);
    }

    private sealed record OwnKey(int Index, BlsSecretKey Secret);

    private sealed class RetryEntry(MessageType type, byte[] frame, DateTimeOffset next, int remaining)
    {
        public MessageType Type { get; } = type;

        public byte[] Frame { get; } = frame;

        public DateTimeOffset Next { get; set; } = next;

        public int Remaining { get; set; } = remaining;
    }
}
