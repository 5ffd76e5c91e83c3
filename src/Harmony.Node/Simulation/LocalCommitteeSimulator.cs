using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Harmony.Consensus;
using Harmony.Consensus.Blocks;
using Harmony.Consensus.Engine;
using Harmony.Consensus.Evidence;
using Harmony.Consensus.Messages;
using Harmony.Consensus.Quorum;
using Harmony.Crypto.Bls;
using Harmony.Crypto.Hashing;

namespace Harmony.Node.Simulation;

/// <summary>
/// Runs a committee in one process with real BLS keys and signatures: every validator is a real <see cref="FbftEngine"/>,
/// messages travel through an in-memory network with delay and loss, and a virtual clock jumps from event to event
/// (timeouts cost no real time; CPU spent on signatures is real and reported).
/// </summary>
internal sealed class LocalCommitteeSimulator
{
    private readonly SimulateOptions _options;
    private readonly TextWriter _out;
    private readonly Random _rng;
    private readonly VirtualClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly PriorityQueue<Action, (long, long)> _queue = new();
    private readonly IBlsSignatureScheme _scheme;
    private readonly BlsSecretKey[] _keys;
    private readonly ConsensusCommittee _committee;
    private readonly ConsensusOptions _consensus = new();
    private readonly Node[] _nodes;
    private readonly SimulatedChain _chain = new();
    private readonly Stopwatch _cpu = new();
    private long _seq;
    private ulong _reported;
    private DateTimeOffset _lastCommitAt;
    private TimeSpan _lastCommitCpu;
    private int _viewChanges;
    private int _evidence;

    public LocalCommitteeSimulator(SimulateOptions options, TextWriter output)
    {
        _options = options;
        _out = output;
        _rng = new Random(options.Seed);
        _scheme = options.IetfSuite ? IetfBlsScheme.Instance : HarmonyBlsScheme.Instance;
        _keys = Enumerable.Range(0, options.Validators)
            .Select(i => BlsSecretKey.KeyGen(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"harmony-simulate/{options.Seed}/{i}"))))
            .ToArray();
        var encoded = _keys.Select(k =>
        {
            var bytes = new byte[_scheme.PublicKeySize];
            _scheme.EncodePublicKey(_scheme.GetPublicKey(k), bytes);
            return (ReadOnlyMemory<byte>)bytes;
        }).ToList();
        _committee = ConsensusCommittee.Create(_scheme, encoded, new OneNodeOneVoteDecider(options.Validators));
        _nodes = Enumerable.Range(0, options.Validators)
            .Select(i => new Node(i, options.Faults.Where(f => f.Node == i).Select(f => (SimulatedFault?)f.Kind).FirstOrDefault()))
            .ToArray();
        _lastCommitAt = _clock.Start;
    }

    /// <summary>Runs until every running honest validator has committed the requested blocks.</summary>
    /// <returns>0 on success, 1 when the committee stalled or two validators disagreed.</returns>
    public int Run()
    {
        var wall = Stopwatch.StartNew();
        _out.WriteLine($"committee of {_options.Validators} validators ({_scheme.Suite} BLS), quorum {(_options.Validators * 2 / 3) + 1}, seed {_options.Seed}, delay ~{_options.DelayMilliseconds} ms, loss {_options.Loss:P0}");
        foreach (var (kind, node) in _options.Faults)
        {
            _out.WriteLine($"  validator {node}: {kind}");
        }

        _out.WriteLine("height  view  leader  round(s)  cpu(ms)  signers  hash");
        foreach (var node in _nodes)
        {
            At(TimeSpan.Zero, () => Start(node));
            if (node.Fault == SimulatedFault.Crash)
            {
                At(TimeSpan.FromSeconds(10), () => Crash(node));
                At(TimeSpan.FromSeconds(70), () => Start(node));
            }
        }

        var limit = _clock.Start + TimeSpan.FromHours(6);
        string? failure = null;
        while (failure is null && _queue.TryDequeue(out var action, out var key))
        {
            _clock.MoveTo(new DateTimeOffset(key.Item1, TimeSpan.Zero));
            _cpu.Start();
            action();
            _cpu.Stop();
            failure = CheckSafety();
            if (Honest().Any() && Honest().All(n => n.Store.Latest?.Height >= (ulong)_options.Blocks))
            {
                break;
            }

            if (_clock.GetUtcNow() > limit)
            {
                failure = "the committee stalled (6 h of virtual time without reaching the goal)";
            }
        }

        _out.WriteLine();
        _out.WriteLine(failure is null
            ? $"done: {_reported} blocks, {_viewChanges} view changes, {_evidence} double-sign records, {_nodes.Sum(n => n.PairingChecks + (n.Engine?.PairingChecks ?? 0))} signature checks; virtual {(_clock.GetUtcNow() - _clock.Start).TotalSeconds:0.0} s, wall {wall.Elapsed.TotalSeconds:0.0} s"
            : $"FAILED: {failure}");
        return failure is null ? 0 : 1;
    }

    private IEnumerable<Node> Honest() => _nodes.Where(n => n.Up && n.Fault is null or SimulatedFault.Crash);

    private string? CheckSafety()
    {
        ulong top = _nodes.Max(n => n.Store.Latest?.Height ?? 0);
        for (ulong h = Math.Max(1, top > 2 ? top - 2 : 1); h <= top; h++)
        {
            byte[]? hash = null;
            foreach (var node in _nodes)
            {
                if (node.Store.TryGet(h, out var block))
                {
                    if (hash is not null && !block.Hash.Span.SequenceEqual(hash))
                    {
                        return $"validators disagree at height {h}";
                    }

                    hash = block.Hash.ToArray();
                }
            }
        }

        return null;
    }

    private void At(TimeSpan offset, Action action) => _queue.Enqueue(action, ((_clock.Start + offset).UtcTicks, _seq++));

    private void After(TimeSpan delay, Action action) => _queue.Enqueue(action, ((_clock.GetUtcNow() + delay).UtcTicks, _seq++));

    private void Start(Node node)
    {
        node.Up = true;
        node.Engine = new FbftEngine(_committee, [_keys[node.Id]], _chain, _chain, node.Store, _consensus, _clock);
        Take(node, node.Engine.Start());
    }

    private void Crash(Node node)
    {
        node.Up = false;
        node.PairingChecks += node.Engine?.PairingChecks ?? 0;
        node.Engine = null;
        _out.WriteLine($"  validator {node.Id} crashed at {(_clock.GetUtcNow() - _clock.Start).TotalSeconds:0} s");
    }

    private void Take(Node node, FbftOutput output)
    {
        foreach (var message in output.Messages)
        {
            foreach (var frame in Misbehave(node, message))
            {
                Broadcast(node, frame);
            }
        }

        foreach (var e in output.Events)
        {
            switch (e)
            {
                case BlockCommittedEvent committed:
                    Report(committed.Block);
                    break;
                case ViewChangeStartedEvent started when node.Id == started.NextLeaderIndex || !_nodes[started.NextLeaderIndex].Up:
                    break;
                case ViewChangedEvent changed when changed.LeaderIndex == node.Id:
                    _viewChanges++;
                    _out.WriteLine($"  view change at height {changed.Height}: view {changed.ViewId} led by validator {changed.LeaderIndex}{(changed.CarriedOverBlock ? " (prepared block carried over)" : string.Empty)}");
                    break;
                case DoubleSignDetectedEvent found when node.Id == FirstHonest():
                    _evidence++;
                    bool valid = DoubleSignVerifier.TryVerify(found.Record, _scheme, Lookup, _consensus.CommitPayloadIncludesViewId, out _);
                    _out.WriteLine($"  double sign caught at height {found.Record.Height} view {found.Record.ViewId}: offender {Convert.ToHexStringLower(found.Record.Offender.Span)}, evidence {found.Record.Encode().Length} bytes RLP, verifies: {valid}");
                    break;
                case CatchUpNeededEvent:
                    Sync(node);
                    break;
                default:
                    break;
            }
        }

        ScheduleTick(node);
    }

    private int FirstHonest() => Honest().Select(n => n.Id).DefaultIfEmpty(-1).First();

    private bool Lookup(ReadOnlySpan<byte> key, out ReadOnlyMemory<byte> address)
    {
        bool found = _committee.TryGetIndex(key, out int index);
        address = found ? _committee.Address(index) : default;
        return found;
    }

    private void Report(CommittedBlock block)
    {
        if (block.Height <= _reported)
        {
            return;
        }

        _reported = block.Height;
        var now = _clock.GetUtcNow();
        var cpu = _cpu.Elapsed;
        int signers = 0;
        foreach (byte b in block.Commit.Span[_scheme.SignatureSize..])
        {
            signers += System.Numerics.BitOperations.PopCount(b);
        }

        _out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{block.Height,6}  {block.CommitViewId,4}  {block.LeaderIndex,6}  {(now - _lastCommitAt).TotalSeconds,8:0.00}  {(cpu - _lastCommitCpu).TotalMilliseconds,7:0}  {signers,4}/{_options.Validators,-3}  {Convert.ToHexStringLower(block.Hash.Span[..8])}…"));
        _lastCommitAt = now;
        _lastCommitCpu = cpu;
    }

    private void ScheduleTick(Node node)
    {
        if (node.Engine is not { } engine)
        {
            return;
        }

        var due = engine.NextTimerDue;
        var earliest = _clock.GetUtcNow() + _consensus.TimerPollInterval;
        if (due < earliest)
        {
            due = earliest;
        }

        if (node.TickAt is { } at && at <= due && at > _clock.GetUtcNow())
        {
            return;
        }

        node.TickAt = due;
        _queue.Enqueue(
            () =>
            {
                if (node.Engine == engine && node.TickAt == due)
                {
                    node.TickAt = null;
                    Take(node, engine.Tick());
                }
            },
            (due.UtcTicks, _seq++));
    }

    private void Sync(Node node)
    {
        if (node.Syncing || node.Engine is not { } engine)
        {
            return;
        }

        node.Syncing = true;
        After(TimeSpan.FromMilliseconds(300), () =>
        {
            node.Syncing = false;
            var peer = _nodes.Where(p => p.Up && (p.Store.Latest?.Height ?? 0) >= engine.Height).OrderBy(_ => _rng.Next()).FirstOrDefault();
            while (peer is not null && node.Engine == engine && peer.Store.TryGet(engine.Height, out var block))
            {
                ulong before = engine.Height;
                Take(node, engine.SubmitCommittedBlock(block));
                if (engine.Height == before)
                {
                    break;
                }
            }
        });
    }

    private void Broadcast(Node from, byte[] frame)
    {
        foreach (var to in _nodes)
        {
            if (to == from || _rng.NextDouble() < _options.Loss)
            {
                continue;
            }

            double delay = _options.DelayMilliseconds * (0.5 + _rng.NextDouble());
            After(TimeSpan.FromMilliseconds(delay), () =>
            {
                if (to.Up && to.Engine is { } engine)
                {
                    Take(to, engine.HandleMessage(frame));
                }
            });
        }
    }

    private IEnumerable<byte[]> Misbehave(Node node, OutboundMessage message)
    {
        var frame = message.Payload.ToArray();
        switch (node.Fault)
        {
            case SimulatedFault.Silent when message.Type is MessageType.Announce or MessageType.Prepared or MessageType.Committed or MessageType.NewView:
                yield break;
            case SimulatedFault.InvalidSignature when message.Type is MessageType.Prepare or MessageType.Commit:
                yield return Rewrite(frame, r => r with { Payload = Signature(node, "not the payload"u8) });
                yield break;
            case SimulatedFault.DoubleSign when message.Type == MessageType.Commit:
                yield return frame;
                yield return Rewrite(frame, r =>
                {
                    var fake = Keccak256.HashData([.. r.BlockHash.Span, 0xFF]);
                    return r with { BlockHash = fake, Payload = Signature(node, CommitPayload.Build(r.BlockNumber, fake, r.ViewId, _consensus.CommitPayloadIncludesViewId)) };
                });
                yield break;
            default:
                yield return frame;
                yield break;
        }
    }

    private byte[] Signature(Node node, ReadOnlySpan<byte> message)
    {
        var bytes = new byte[_scheme.SignatureSize];
        _scheme.EncodeSignature(_scheme.Sign(_keys[node.Id], message), bytes);
        return bytes;
    }

    private static byte[] Rewrite(byte[] frame, Func<ConsensusRequest, ConsensusRequest> change)
    {
        GossipFrame.TryUnwrap(frame, out _, out var body, out _);
        HarmonyMessage.TryDecode(body, out var message, out _);
        return GossipFrame.WrapConsensus(message! with { Consensus = change(message.Consensus!) });
    }

    private sealed class Node(int id, SimulatedFault? fault)
    {
        public int Id { get; } = id;

        public SimulatedFault? Fault { get; } = fault;

        public InMemoryCommittedBlockStore Store { get; } = new();

        public FbftEngine? Engine { get; set; }

        public bool Up { get; set; }

        public bool Syncing { get; set; }

        public DateTimeOffset? TickAt { get; set; }

        public long PairingChecks { get; set; }
    }
}
