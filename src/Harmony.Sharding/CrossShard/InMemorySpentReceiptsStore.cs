using System.Collections.Concurrent;

namespace Harmony.Sharding.CrossShard;

/// <summary>A thread-safe, in-memory <see cref="ISpentReceiptsStore"/> (a node persists it with its chain instead).</summary>
public sealed class InMemorySpentReceiptsStore : ISpentReceiptsStore
{
    private readonly ConcurrentDictionary<(uint, ulong), byte> _spent = new();

    /// <summary>How many source blocks are marked spent.</summary>
    public int Count => _spent.Count;

    /// <inheritdoc />
    public bool IsSpent(uint sourceShard, ulong blockNumber) => _spent.ContainsKey((sourceShard, blockNumber));

    /// <inheritdoc />
    public bool TryMarkSpent(uint sourceShard, ulong blockNumber) => _spent.TryAdd((sourceShard, blockNumber), 0);
}
