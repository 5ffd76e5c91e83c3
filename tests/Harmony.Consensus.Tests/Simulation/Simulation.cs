using System.Security.Cryptography;
using Harmony.Consensus.Blocks;
using Harmony.Consensus.Engine;
using Harmony.Consensus.Evidence;
using Harmony.Consensus.Messages;
using Harmony.Consensus.Quorum;
using Harmony.Consensus.Tests.Infrastructure;
using Harmony.Crypto.Bls;
using Harmony.Crypto.Hashing;

namespace Harmony.Consensus.Tests.Simulation;

/// <summary>
/// Runs one <see cref="ScenarioSpec"/>: real engines over an in-memory network driven by a seeded discrete-event
/// scheduler and one manual clock. Messages are delayed, lost, duplicated and reordered; partitions cut links for a
/// window; faulty nodes crash and restart (a new engine over the same store) or misbehave on the wire. Deterministic:
/// the same spec gives the same run.
/// </summary>
internal sealed class Simulation
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ScenarioSpec _spec;
    private readonly Random _rng;
    private readonly ManualTimeProvider _clock = new(Epoch);
    private readonly PriorityQueue<Action, (long Ticks, long Seq)> _queue = new();
    private readonly ConsensusOptions _options;
    private readonly ConsensusCommittee _committee;
    private readonly BlsSecretKey[] _keys;
    private readonly SimNode[] _nodes;
    private readonly Dictionary<byte[], ((int Node, ulong Height, ulong View) Key, int Bit)> _doubleSignFrames = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<(int Node, ulong Height, ulong View)> _observableDoubleSigns = [];
    private readonly Dictionary<(int Node, ulong Height, ulong View, int Receiver), int> _doubleSignDeliveries = [];
    private long _seq;
    private long _events;

    public Simulation(ScenarioSpec spec)
    {
        _spec = spec;
        _rng = new Random(spec.Seed);
        int n = spec.CommitteeSize;
        _keys = new BlsSecretKey[n];
        for (int i = 0; i < n; i++)
        {
            _keys[i] = spec.Scheme is InsecureTestBlsScheme ? InsecureTestBlsScheme.Key(i) : RealKey(spec.Seed, i);
        }

        var encoded = _keys.Select(k => (ReadOnlyMemory<byte>)Encode(spec.Scheme, spec.Scheme.GetPublicKey(k))).ToList();
        var addresses = new ReadOnlyMemory<byte>[n];
        for (int node = 0; node < spec.NodeKeys.Count; node++)
        {
            var operatorAddress = SHA256.HashData(BitConverter.GetBytes(node))[..20];
            foreach (int key in spec.NodeKeys[node])
            {
                addresses[key] = operatorAddress;
            }
        }

        IQuorumDecider decider = spec.Staked
            ? new StakedVoteDecider(VotePowerRoster.Compute(
                encoded.Select((k, i) => i % 3 == 0 ? RosterSlot.Harmony(k) : RosterSlot.External(k, Decimal18.FromInteger(1000))).ToList(),
                Decimal18.FromInteger((n + 2) / 3).Divide(Decimal18.FromInteger(n))))
            : new OneNodeOneVoteDecider(n);
        _committee = ConsensusCommittee.Create(spec.Scheme, encoded, decider, addresses);
        _options = new ConsensusOptions { BlockPeriod = TimeSpan.FromSeconds(2) };
        _nodes = new SimNode[spec.NodeKeys.Count];
        for (int i = 0; i < _nodes.Length; i++)
        {
            _nodes[i] = new SimNode(i, spec.NodeKeys[i], spec.Faults.FirstOrDefault(f => f.Node == i));
        }
    }

    public List<DoubleSignRecord> Evidence { get; } = [];

    public List<string> Violations { get; } = [];

    public IReadOnlyList<SimNode> Nodes => _nodes;

    public ConsensusCommittee Committee => _committee;

    public long PairingChecks => _nodes.Sum(n => n.PairingChecks + (n.Engine?.PairingChecks ?? 0));

    /// <summary>Runs until every honest node has committed the goal, or the virtual time limit.</summary>
    /// <returns>Null on success, else a description of the first failure.</returns>
    public string? Run()
    {
        foreach (var node in _nodes)
        {
            At(TimeSpan.Zero, () => StartNode(node));
            if (node.Fault is { Kind: FaultKind.Crash } crash)
            {
                At(crash.At, () => Crash(node));
                if (crash.Until is { } until)
                {
                    At(until, () => StartNode(node));
                }
            }
        }

        var heal = _spec.Partitions.Select(p => p.To).Concat(_spec.Faults.Where(f => f.Kind == FaultKind.Crash).Select(f => f.Until ?? f.At)).DefaultIfEmpty(TimeSpan.Zero).Max();
        ulong? goal = null;
        while (_queue.TryDequeue(out var action, out var key))
        {
            if (++_events > 3_000_000)
            {
                return "event budget exhausted (possible livelock)";
            }

            _clock.SetTo(new DateTimeOffset(key.Ticks, TimeSpan.Zero));
            action();
            if (Violations.Count > 0)
            {
                return Violations[0];
            }

            var now = _clock.GetUtcNow() - Epoch;
            if (goal is null && now >= heal && Honest().Any())
            {
                goal = Honest().Max(n => n.Store.Latest?.Height ?? 0) + (ulong)_spec.BlocksAfterHeal;
            }

            if (goal is { } target && Honest().All(n => (n.Store.Latest?.Height ?? 0) >= target))
            {
                return CheckEnd();
            }

            if (now > _spec.MaxVirtualTime)
            {
                var heights = string.Join(",", _nodes.Select(n => $"{n.Id}:{n.Store.Latest?.Height ?? 0}/v{n.Engine?.ViewId}/{n.Engine?.Mode}"));
                return $"liveness: goal height {goal} not reached by every honest node within {_spec.MaxVirtualTime} (heights {heights})";
            }
        }

        return "the event queue ran dry";
    }

    private IEnumerable<SimNode> Honest() => _nodes.Where(n => n.IsHonest && n.Up);

    private string? CheckEnd()
    {
        foreach (var key in _observableDoubleSigns)
        {
            var offender = _committee.Address(_spec.NodeKeys[key.Node][0]);
            if (!Evidence.Any(e => e.Height == key.Height && e.ViewId == key.View && e.Offender.Span.SequenceEqual(offender.Span)))
            {
                return $"double signer {key.Node} at height {key.Height} view {key.View} reached an honest node but was not caught";
            }
        }

        return null;
    }

    private void At(TimeSpan offset, Action action) => _queue.Enqueue(action, ((Epoch + offset).UtcTicks, _seq++));

    private void After(TimeSpan delay, Action action) => _queue.Enqueue(action, ((_clock.GetUtcNow() + delay).UtcTicks, _seq++));

    private void StartNode(SimNode node)
    {
        if (node.Engine is not null && node.Up)
        {
            return;
        }

        ulong before = node.Store.Latest?.Height ?? 0;
        node.Up = true;
        node.Engine = new FbftEngine(_committee, node.KeyIndices.Select(i => _keys[i]).ToList(), node.Chain, node.Chain, node.Store, _options, _clock);
        if (node.Engine.Height != before + 1)
        {
            Violations.Add($"node {node.Id} restarted at height {node.Engine.Height} but had committed {before}");
        }

        Process(node, node.Engine.Start());
    }

    private void Crash(SimNode node)
    {
        node.Up = false;
        node.PairingChecks += node.Engine?.PairingChecks ?? 0;
        node.Engine = null;
        node.TickAt = null;
    }

    private void Process(SimNode node, FbftOutput output)
    {
        foreach (var message in output.Messages)
        {
            foreach (var (payload, receivers) in Misbehave(node, message))
            {
                Broadcast(node, payload, receivers);
            }
        }

        foreach (var consensusEvent in output.Events)
        {
            switch (consensusEvent)
            {
                case BlockCommittedEvent committed:
                    CheckSafety(node, committed.Block);
                    break;
                case DoubleSignDetectedEvent found:
                    CheckEvidence(node, found.Record);
                    break;
                case CatchUpNeededEvent:
                    ScheduleSync(node);
                    break;
                default:
                    break;
            }
        }

        ScheduleTick(node);
    }

    private void CheckSafety(SimNode node, CommittedBlock block)
    {
        foreach (var other in _nodes)
        {
            if (other != node && other.Store.TryGet(block.Height, out var theirs) && !theirs.Hash.Span.SequenceEqual(block.Hash.Span))
            {
                Violations.Add($"safety: nodes {node.Id} and {other.Id} committed different blocks at height {block.Height}");
            }
        }
    }

    private void CheckEvidence(SimNode reporter, DoubleSignRecord record)
    {
        var bytes = record.Encode();
        if (!DoubleSignRecord.TryDecode(bytes, out var decoded, out var error) || !decoded.Encode().AsSpan().SequenceEqual(bytes))
        {
            Violations.Add($"evidence from node {reporter.Id} does not round-trip: {error}");
            return;
        }

        if (!DoubleSignVerifier.TryVerify(decoded, _spec.Scheme, Lookup, _options.CommitPayloadIncludesViewId, out error))
        {
            Violations.Add($"evidence from node {reporter.Id} does not verify: {error}");
            return;
        }

        var offender = _nodes.FirstOrDefault(n => _committee.Address(n.KeyIndices[0]).Span.SequenceEqual(record.Offender.Span));
        if (offender is null || offender.Fault?.Kind != FaultKind.DoubleSigner)
        {
            Violations.Add($"node {reporter.Id} accused node {offender?.Id} of double signing, which it did not do");
            return;
        }

        Evidence.Add(decoded);
    }

    private bool Lookup(ReadOnlySpan<byte> key, out ReadOnlyMemory<byte> address)
    {
        bool found = _committee.TryGetIndex(key, out int index);
        address = found ? _committee.Address(index) : default;
        return found;
    }

    private void ScheduleTick(SimNode node)
    {
        if (node.Engine is null)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        var due = node.Engine.NextTimerDue;
        if (due < now + TimeSpan.FromMilliseconds(10))
        {
            due = now + TimeSpan.FromMilliseconds(10);
        }

        if (node.TickAt is { } scheduled && scheduled <= due && scheduled > now)
        {
            return;
        }

        node.TickAt = due;
        var engine = node.Engine;
        _queue.Enqueue(
            () =>
            {
                if (node.Engine != engine || node.TickAt != due)
                {
                    return;
                }

                node.TickAt = null;
                Process(node, engine.Tick());
            },
            (due.UtcTicks, _seq++));
    }

    private void ScheduleSync(SimNode node)
    {
        if (node.Syncing)
        {
            return;
        }

        node.Syncing = true;
        var engine = node.Engine;
        After(TimeSpan.FromMilliseconds(200 + _rng.Next(300)), () =>
        {
            node.Syncing = false;
            if (node.Engine != engine || engine is null)
            {
                return;
            }

            var peers = _nodes.Where(p => p != node && p.Up && !Partitioned(node.Id, p.Id) && (p.Store.Latest?.Height ?? 0) >= engine.Height).ToList();
            if (peers.Count == 0)
            {
                return;
            }

            var peer = peers[_rng.Next(peers.Count)];
            while (peer.Store.TryGet(engine.Height, out var block))
            {
                ulong before = engine.Height;
                Process(node, engine.SubmitCommittedBlock(block));
                if (engine.Height == before || node.Engine != engine)
                {
                    break;
                }
            }
        });
    }

    private bool Partitioned(int a, int b)
    {
        var now = _clock.GetUtcNow() - Epoch;
        foreach (var partition in _spec.Partitions)
        {
            if (now >= partition.From && now < partition.To && partition.GroupA.Contains(a) != partition.GroupA.Contains(b))
            {
                return true;
            }
        }

        return false;
    }

    private void Broadcast(SimNode from, byte[] payload, Func<int, bool> receivers)
    {
        foreach (var to in _nodes)
        {
            if (to == from || !receivers(to.Id) || Partitioned(from.Id, to.Id))
            {
                continue;
            }

            int copies = _rng.NextDouble() < _spec.Duplication ? 2 : 1;
            for (int c = 0; c < copies; c++)
            {
                if (_rng.NextDouble() < _spec.Loss)
                {
                    continue;
                }

                var delay = _spec.MinDelay + ((_spec.MaxDelay - _spec.MinDelay) * _rng.NextDouble());
                After(delay, () => Deliver(to, payload));
            }
        }
    }

    private void Deliver(SimNode to, byte[] payload)
    {
        if (!to.Up || to.Engine is null)
        {
            return;
        }

        NoteDoubleSignDelivery(to, payload);
        Process(to, to.Engine.HandleMessage(payload));
    }

    /// <summary>Applies the node's fault to one outbound message: returns what actually goes out, and to whom.</summary>
    private IEnumerable<(byte[] Payload, Func<int, bool> Receivers)> Misbehave(SimNode node, OutboundMessage message)
    {
        var payload = message.Payload.ToArray();
        static bool Everyone(int _) => true;
        switch (node.Fault?.Kind)
        {
            case FaultKind.SilentLeader when message.Type is MessageType.Announce or MessageType.Prepared or MessageType.Committed or MessageType.NewView:
                yield break;
            case FaultKind.EquivocatingLeader when message.Type == MessageType.Announce && !message.IsRetry:
                yield return (payload, id => id % 2 == 0);
                yield return (SecondAnnounce(node, payload), id => id % 2 == 1);
                yield break;
            case FaultKind.InvalidSigner when message.Type is MessageType.Prepare or MessageType.Commit:
                yield return (ForgeVote(node, payload), Everyone);
                yield break;
            case FaultKind.DoubleSigner when message.Type == MessageType.Commit:
                yield return (payload, Everyone);
                yield return (ConflictingCommit(node, payload), Everyone);
                yield break;
            default:
                yield return (payload, Everyone);
                yield break;
        }
    }

    private static HarmonyMessage Decode(byte[] frame)
    {
        GossipFrame.TryUnwrap(frame, out _, out var body, out _);
        HarmonyMessage.TryDecode(body, out var message, out _);
        return message!;
    }

    private BlsSignature SignAll(SimNode node, ReadOnlySpan<byte> message)
    {
        var parts = new BlsSignature[node.KeyIndices.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            parts[i] = _spec.Scheme.Sign(_keys[node.KeyIndices[i]], message);
        }

        BlsSignature.TryAggregate(parts, out var sum);
        return sum;
    }

    private byte[] SecondAnnounce(SimNode node, byte[] frame)
    {
        var message = Decode(frame);
        var request = message.Consensus!;
        var original = request.Block.ToArray();
        node.Chain.TryValidate(original, out var summary, out _);
        var block = TestChain.Build(summary.Height, summary.ViewId, summary.Timestamp!.Value, original.AsSpan(24, 32), summary.ParentCommit.Span, "evil twin"u8);
        var hash = Keccak256.HashData(block);
        var twin = message with { Signature = default, Consensus = request with { Block = block, BlockHash = hash, Payload = hash } };
        var leaderKey = _keys[node.KeyIndices.First(i => _committee.EncodedKey(i).Span.SequenceEqual(request.SenderPublicKey.Span))];
        return GossipFrame.WrapConsensus(MessageSignature.Sign(_spec.Scheme, leaderKey, twin));
    }

    private byte[] ForgeVote(SimNode node, byte[] frame)
    {
        var message = Decode(frame);
        var signature = Encode(_spec.Scheme, SignAll(node, "not the payload"u8));
        return GossipFrame.WrapConsensus(message with { Consensus = message.Consensus! with { Payload = signature } });
    }

    private byte[] ConflictingCommit(SimNode node, byte[] frame)
    {
        var message = Decode(frame);
        var request = message.Consensus!;
        var fake = Keccak256.HashData([.. request.BlockHash.Span, (byte)node.Id]);
        var payload = CommitPayload.Build(request.BlockNumber, fake, request.ViewId, _options.CommitPayloadIncludesViewId);
        var signature = Encode(_spec.Scheme, SignAll(node, payload));
        var conflicting = GossipFrame.WrapConsensus(message with { Consensus = request with { BlockHash = fake, Payload = signature } });

        // Harmony's evidence has one view id, so a vote on a block carried into a later view (signed with the block's
        // own header view) cannot be proven against it: only count votes signed with the message's view.
        var realPayload = CommitPayload.Build(request.BlockNumber, request.BlockHash.Span, request.ViewId, _options.CommitPayloadIncludesViewId);
        var signers = node.KeyIndices.Select(i => _committee.Keys.Keys[i]).ToArray();
        if (_spec.Scheme.TryDecodeSignature(request.Payload.Span, out var realSignature, out _) && _spec.Scheme.FastAggregateVerify(signers, realPayload, realSignature))
        {
            var key = (node.Id, request.BlockNumber, request.ViewId);
            _doubleSignFrames[frame] = (key, 1);
            _doubleSignFrames[conflicting] = (key, 2);
        }

        return conflicting;
    }

    private void NoteDoubleSignDelivery(SimNode to, byte[] payload)
    {
        if (!to.IsHonest)
        {
            return;
        }

        if (!_doubleSignFrames.TryGetValue(payload, out var entry))
        {
            return;
        }

        var (node, height, view) = entry.Key;
        var key = (node, height, view, to.Id);
        int seen = _doubleSignDeliveries.GetValueOrDefault(key) | entry.Bit;
        _doubleSignDeliveries[key] = seen;

        // The detector keeps votes for the current and previous height only.
        if (seen == 3 && to.Engine!.Height <= height + 1)
        {
            _observableDoubleSigns.Add((node, height, view));
        }
    }

    private static byte[] Encode(IBlsSignatureScheme scheme, BlsPublicKey key)
    {
        var bytes = new byte[scheme.PublicKeySize];
        scheme.EncodePublicKey(key, bytes);
        return bytes;
    }

    private static byte[] Encode(IBlsSignatureScheme scheme, BlsSignature signature)
    {
        var bytes = new byte[scheme.SignatureSize];
        scheme.EncodeSignature(signature, bytes);
        return bytes;
    }

    private static BlsSecretKey RealKey(int seed, int index) =>
        BlsSecretKey.KeyGen(SHA256.HashData(BitConverter.GetBytes(((long)seed << 16) | (long)index)));
}

/// <summary>One simulated node: its keys, store (which survives crashes), engine and fault.</summary>
internal sealed class SimNode(int id, int[] keyIndices, NodeFault? fault)
{
    public int Id { get; } = id;

    public int[] KeyIndices { get; } = keyIndices;

    public NodeFault? Fault { get; } = fault;

    public InMemoryCommittedBlockStore Store { get; } = new();

    public TestChain Chain { get; } = new($"node{id}");

    public FbftEngine? Engine { get; set; }

    public bool Up { get; set; }

    public DateTimeOffset? TickAt { get; set; }

    public bool Syncing { get; set; }

    public long PairingChecks { get; set; }

    /// <summary>Crashing is not misbehaving: a crashed-and-restarted node is honest.</summary>
    public bool IsHonest => Fault is null || Fault.Kind == FaultKind.Crash;
}
