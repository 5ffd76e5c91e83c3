using System.Diagnostics.CodeAnalysis;

namespace Harmony.Consensus.Blocks;

/// <summary>A committed-block store in memory (tests, simulations, light embedders). Thread-safe.</summary>
public sealed class InMemoryCommittedBlockStore : ICommittedBlockStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<ulong, CommittedBlock> _blocks = [];
    private CommittedBlock? _latest;

    /// <inheritdoc />
    public CommittedBlock? Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    /// <summary>The number of stored blocks.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _blocks.Count;
            }
        }
    }

    /// <inheritdoc />
    public bool TryGet(ulong height, [NotNullWhen(true)] out CommittedBlock? block)
    {
        lock (_gate)
        {
            return _blocks.TryGetValue(height, out block);
        }
    }

    /// <inheritdoc />
    public void Append(CommittedBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        lock (_gate)
        {
            if (_latest is not null && block.Height != _latest.Height + 1)
            {
                throw new InvalidOperationException($"Block {block.Height} does not follow the latest committed block {_latest.Height}.");
            }

            _blocks.Add(block.Height, block);
            _latest = block;
        }
    }
}
