using BenchmarkDotNet.Attributes;
using Harmony.Consensus;
using Harmony.Consensus.Engine;
using Harmony.Consensus.Messages;
using Harmony.Consensus.Quorum;

namespace Harmony.Benchmarks.Consensus;

/// <summary>
/// The leader's CPU for one block: it receives the PREPARE and COMMIT of every other validator (real Harmony BLS,
/// zero network delay) and produces PREPARED and COMMITTED. <see cref="EngineLeader"/> is <see cref="FbftEngine"/>,
/// which verifies the votes as one aggregate per phase; <see cref="PerVotePairingBaseline"/> decodes the same
/// frames and checks each vote with its own pairing, as Harmony's Go leader does, for the votes it needs to reach
/// quorum. Target: the engine at 250 validators costs at most 10% of the baseline.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LeaderVerificationBenchmarks
{
    private BenchmarkCommittee _committee = null!;
    private byte[][] _prepares = [];
    private byte[][] _commits = [];
    private byte[] _hash = [];
    private byte[] _commitPayload = [];
    private FbftEngine _leader = null!;

    [Params(4, 64, 250)]
    public int Validators { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _committee = new BenchmarkCommittee(Validators);
        var leader = _committee.Engine(0, new SteppedClock());
        var announce = leader.Start().Messages.Single(m => m.Type == MessageType.Announce);
        GossipFrame.TryUnwrap(announce.Payload.Span, out _, out var body, out _);
        HarmonyMessage.TryDecode(body, out var message, out _);
        _hash = message!.Consensus!.BlockHash.ToArray();
        _commitPayload = CommitPayload.Build(1, _hash, 1, includeViewId: true);
        _prepares = Votes(MessageType.Prepare, _hash);
        _commits = Votes(MessageType.Commit, _commitPayload);
    }

    [IterationSetup(Target = nameof(EngineLeader))]
    public void NewLeader()
    {
        _leader = _committee.Engine(0, new SteppedClock());
        _leader.Start();
    }

    [Benchmark]
    public long EngineLeader()
    {
        foreach (var frame in _prepares)
        {
            _leader.HandleMessage(frame);
        }

        foreach (var frame in _commits)
        {
            _leader.HandleMessage(frame);
        }

        return _leader.Height == 2 ? _leader.PairingChecks : throw new InvalidOperationException("The leader did not commit.");
    }

    [Benchmark(Baseline = true)]
    public int PerVotePairingBaseline()
    {
        int needed = new OneNodeOneVoteDecider(Validators).Threshold - 1;
        return Check(_prepares, _hash, needed) + Check(_commits, _commitPayload, needed);
    }

    private int Check(byte[][] frames, byte[] signed, int needed)
    {
        var scheme = _committee.Scheme;
        int valid = 0;
        for (int i = 0; i < needed; i++)
        {
            GossipFrame.TryUnwrap(frames[i], out _, out var body, out _);
            HarmonyMessage.TryDecode(body, out var message, out _);
            var request = message!.Consensus!;
            _committee.Committee.TryGetIndex(request.SenderPublicKey.Span, out int sender);
            if (scheme.TryDecodeSignature(request.Payload.Span, out var signature, out _) && scheme.Verify(_committee.PublicKeys[sender], signed, signature))
            {
                valid++;
            }
        }

        return valid == needed ? valid : throw new InvalidOperationException("A vote failed.");
    }

    private byte[][] Votes(MessageType type, byte[] signed)
    {
        var scheme = _committee.Scheme;
        var frames = new byte[Validators - 1][];
        for (int i = 1; i < Validators; i++)
        {
            var signature = new byte[scheme.SignatureSize];
            scheme.EncodeSignature(scheme.Sign(_committee.Keys[i], signed), signature);
            frames[i - 1] = GossipFrame.WrapConsensus(new HarmonyMessage
            {
                Type = type,
                Consensus = new ConsensusRequest
                {
                    ViewId = 1,
                    BlockNumber = 1,
                    BlockHash = _hash,
                    SenderPublicKey = _committee.Committee.EncodedKey(i),
                    Payload = signature,
                },
            });
        }

        return frames;
    }
}
