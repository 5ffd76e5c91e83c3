using Harmony.Consensus.Blocks;
using Harmony.Consensus.Evidence;

namespace Harmony.Consensus.Engine;

/// <summary>Something the engine reports to its host.</summary>
public abstract record ConsensusEvent;

/// <summary>A block was committed (and appended to the store) with its quorum certificate.</summary>
/// <param name="Block">The block, its <c>sig ‖ bitmap</c> and views.</param>
public sealed record BlockCommittedEvent(CommittedBlock Block) : ConsensusEvent;

/// <summary>The node timed out and asks for a new view.</summary>
/// <param name="Height">The stuck height.</param>
/// <param name="ViewId">The view asked for.</param>
/// <param name="NextLeaderIndex">The proposed leader's committee index.</param>
public sealed record ViewChangeStartedEvent(ulong Height, ulong ViewId, int NextLeaderIndex) : ConsensusEvent;

/// <summary>A new view started (the node sent or accepted NEWVIEW).</summary>
/// <param name="Height">The height.</param>
/// <param name="ViewId">The new view.</param>
/// <param name="LeaderIndex">The new leader's committee index.</param>
/// <param name="CarriedOverBlock">Whether a prepared block was carried into the new view.</param>
public sealed record ViewChangedEvent(ulong Height, ulong ViewId, int LeaderIndex, bool CarriedOverBlock) : ConsensusEvent;

/// <summary>Conflicting commit votes were found; the record verifies with <see cref="DoubleSignVerifier"/>.</summary>
/// <param name="Record">The evidence.</param>
public sealed record DoubleSignDetectedEvent(DoubleSignRecord Record) : ConsensusEvent;

/// <summary>
/// The node saw traffic for a height it cannot reach by itself; the host should fetch committed blocks from
/// <paramref name="FromHeight"/> on and pass them to <see cref="FbftEngine.SubmitCommittedBlock"/>.
/// </summary>
/// <param name="FromHeight">The first missing height.</param>
/// <param name="ObservedHeight">The height seen on the network.</param>
public sealed record CatchUpNeededEvent(ulong FromHeight, ulong ObservedHeight) : ConsensusEvent;
