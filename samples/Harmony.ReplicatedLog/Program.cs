using Harmony.Consensus;
using Harmony.Consensus.Blocks;
using Harmony.Consensus.Engine;
using Harmony.Consensus.Quorum;
using Harmony.Crypto.Bls;
using Harmony.ReplicatedLog;

// A replicated log: four replicas in one process agree, block by block, on the order of submitted notes with
// Harmony's FBFT (real BLS signatures), then each applies the committed notes to its own copy of the log.
// The "network" is a queue; a real app would hand the engine's gossip payloads to libp2p instead.
var scheme = HarmonyBlsScheme.Instance;
var keys = Enumerable.Range(0, 4).Select(_ => BlsSecretKey.Generate()).ToArray();
var committee = ConsensusCommittee.Create(scheme, keys.Select(k => (ReadOnlyMemory<byte>)EncodeKey(k)).ToList(), new OneNodeOneVoteDecider(keys.Length));
var options = new ConsensusOptions { BlockPeriod = TimeSpan.FromMilliseconds(300) };

var pending = new Queue<string>(["alice pays bob 5", "bob pays carol 2", "carol pays dave 1", "dave pays alice 3", "erin joins", "frank joins", "alice pays erin 1"]);
var app = new NoteBlock(pending);
var logs = keys.Select(_ => new List<string>()).ToArray();
var engines = keys.Select(key => new FbftEngine(committee, [key], app, app, new InMemoryCommittedBlockStore(), options, TimeProvider.System)).ToArray();
var wire = new Queue<(int From, ReadOnlyMemory<byte> Payload)>();

void Handle(int replica, FbftOutput output)
{
    foreach (var message in output.Messages)
    {
        wire.Enqueue((replica, message.Payload));
    }

    foreach (var committed in output.Events.OfType<BlockCommittedEvent>())
    {
        logs[replica].AddRange(NoteBlock.Notes(committed.Block.Block.Span));
        if (replica == 0)
        {
            Console.WriteLine($"block {committed.Block.Height} (view {committed.Block.CommitViewId}, leader {committed.Block.LeaderIndex}): {string.Join(", ", NoteBlock.Notes(committed.Block.Block.Span).DefaultIfEmpty("(empty)"))}");
        }
    }
}

for (int i = 0; i < engines.Length; i++)
{
    Handle(i, engines[i].Start());
}

var deadline = DateTime.UtcNow.AddSeconds(30);
while (engines.Any(e => e.Height <= 5) && DateTime.UtcNow < deadline)
{
    while (wire.TryDequeue(out var item))
    {
        for (int to = 0; to < engines.Length; to++)
        {
            if (to != item.From)
            {
                Handle(to, engines[to].HandleMessage(item.Payload.Span));
            }
        }
    }

    await Task.Delay(options.TimerPollInterval / 10);
    for (int i = 0; i < engines.Length; i++)
    {
        Handle(i, engines[i].Tick());
    }
}

bool agree = logs.All(log => log.SequenceEqual(logs[0]));
Console.WriteLine($"replicas agree on {logs[0].Count} notes: {agree}");
return agree && engines.All(e => e.Height > 5) ? 0 : 1;

byte[] EncodeKey(BlsSecretKey key)
{
    var bytes = new byte[scheme.PublicKeySize];
    scheme.EncodePublicKey(scheme.GetPublicKey(key), bytes);
    return bytes;
}
