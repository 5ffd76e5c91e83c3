namespace Harmony.Consensus.Engine;

/// <summary>The round's phase (Harmony's <c>FBFTPhase</c>).</summary>
public enum ConsensusPhase
{
    /// <summary>Waiting for (or building) the block.</summary>
    Announce = 0,

    /// <summary>Collecting or sending prepare votes.</summary>
    Prepare = 1,

    /// <summary>Collecting or sending commit votes.</summary>
    Commit = 2,
}
