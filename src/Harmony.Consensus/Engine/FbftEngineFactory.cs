using Harmony.Consensus.Blocks;
using Harmony.Crypto.Bls;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Harmony.Consensus.Engine;

/// <summary>
/// Creates engines from the registered options, clock, committed-block store and logger (see
/// <c>AddHarmonyConsensus</c>); the caller brings the committee, its keys and the block hooks.
/// </summary>
public sealed class FbftEngineFactory
{
    private readonly IOptions<ConsensusOptions> _options;
    private readonly TimeProvider _time;
    private readonly ICommittedBlockStore _store;
    private readonly ILoggerFactory? _loggers;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">Validated consensus options.</param>
    /// <param name="time">The clock.</param>
    /// <param name="store">Where committed blocks go.</param>
    /// <param name="loggers">Optional logger factory.</param>
    public FbftEngineFactory(IOptions<ConsensusOptions> options, TimeProvider time, ICommittedBlockStore store, ILoggerFactory? loggers = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _loggers = loggers;
    }

    /// <summary>Creates an engine for one node.</summary>
    /// <param name="committee">The shard's committee.</param>
    /// <param name="keys">The node's keys.</param>
    /// <param name="proposer">The application's block builder.</param>
    /// <param name="validator">The application's block validator.</param>
    /// <returns>The engine (call <see cref="FbftEngine.Start"/>).</returns>
    public FbftEngine Create(ConsensusCommittee committee, IReadOnlyList<BlsSecretKey> keys, IBlockProposer proposer, IBlockValidator validator) =>
        new(committee, keys, proposer, validator, _store, _options.Value, _time, _loggers?.CreateLogger<FbftEngine>());
}
