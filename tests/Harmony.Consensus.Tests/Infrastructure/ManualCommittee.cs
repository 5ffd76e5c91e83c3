using Harmony.Consensus.Blocks;
using Harmony.Consensus.Engine;
using Harmony.Consensus.Messages;
using Harmony.Consensus.Quorum;
using Harmony.Crypto.Bls;

namespace Harmony.Consensus.Tests.Infrastructure;

/// <summary>
/// A hand-driven committee for scenario tests: engines over one manual clock, a FIFO of broadcasts delivered to
/// everyone else when the test pumps it, and a drop rule the test controls.
/// </summary>
internal sealed class ManualCommittee
{
    private readonly Queue<(int From, HarmonyMessage Message, byte[] Frame)> _wire = new();

    public ManualCommittee(IBlsSignatureScheme scheme, IReadOnlyList<int[]> nodeKeys, Func<int, BlsSecretKey> key, ConsensusOptions? options = null)
    {
        Scheme = scheme;
        int n = nodeKeys.Sum(k => k.Length);
        Keys = Enumerable.Range(0, n).Select(key).ToArray();
        var encoded = Keys.Select(k => (ReadOnlyMemory<byte>)EncodeKey(scheme, scheme.GetPublicKey(k))).ToList();
        Committee = ConsensusCommittee.Create(scheme, encoded, new OneNodeOneVoteDecider(n));
        Options = options ?? new ConsensusOptions();
        Engines = nodeKeys.Select(keys => new FbftEngine(Committee, keys.Select(i => Keys[i]).ToList(), Chain, Chain, new InMemoryCommittedBlockStore(), Options, Clock)).ToArray();
    }

    public IBlsSignatureScheme Scheme { get; }

    public BlsSecretKey[] Keys { get; }

    public ConsensusCommittee Committee { get; }

    public ConsensusOptions Options { get; }

    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public TestChain Chain { get; } = new();

    public FbftEngine[] Engines { get; }

    public List<(int Node, ConsensusEvent Event)> Events { get; } = [];

    public List<(int From, HarmonyMessage Message)> Sent { get; } = [];

    /// <summary>Messages matching this are dropped instead of delivered.</summary>
    public Func<int, HarmonyMessage, bool> Drop { get; set; } = (_, _) => false;

    public void StartAll()
    {
        for (int i = 0; i < Engines.Length; i++)
        {
            Take(i, Engines[i].Start());
        }
    }

    /// <summary>Advances the clock and ticks every engine.</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        for (int i = 0; i < Engines.Length; i++)
        {
            Take(i, Engines[i].Tick());
        }
    }

    /// <summary>Delivers queued broadcasts until the wire is empty.</summary>
    public void Pump(int limit = 100_000)
    {
        while (_wire.TryDequeue(out var item) && limit-- > 0)
        {
            if (Drop(item.From, item.Message))
            {
                continue;
            }

            for (int to = 0; to < Engines.Length; to++)
            {
                if (to != item.From)
                {
                    Take(to, Engines[to].HandleMessage(item.Frame));
                }
            }
        }
    }

    /// <summary>Advances time in steps, pumping after each, until the condition holds.</summary>
    public bool RunUntil(Func<bool> done, TimeSpan step, TimeSpan limit)
    {
        Pump();
        for (var elapsed = TimeSpan.Zero; elapsed < limit && !done(); elapsed += step)
        {
            Advance(step);
            Pump();
        }

        return done();
    }

    public void Take(int node, FbftOutput output)
    {
        foreach (var message in output.Messages)
        {
            GossipFrame.TryUnwrap(message.Payload.Span, out _, out var body, out _);
            HarmonyMessage.TryDecode(body, out var decoded, out _);
            Sent.Add((node, decoded!));
            _wire.Enqueue((node, decoded!, message.Payload.ToArray()));
        }

        foreach (var e in output.Events)
        {
            Events.Add((node, e));
        }
    }

    public static byte[] EncodeKey(IBlsSignatureScheme scheme, BlsPublicKey key)
    {
        var bytes = new byte[scheme.PublicKeySize];
        scheme.EncodePublicKey(key, bytes);
        return bytes;
    }
}
