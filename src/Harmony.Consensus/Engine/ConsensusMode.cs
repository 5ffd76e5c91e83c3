namespace Harmony.Consensus.Engine;

/// <summary>The engine's mode (Harmony's <c>Mode</c>).</summary>
public enum ConsensusMode
{
    /// <summary>Running rounds.</summary>
    Normal = 0,

    /// <summary>Changing the view after a timeout.</summary>
    ViewChanging = 1,

    /// <summary>Catching up with committed blocks.</summary>
    Syncing = 2,

    /// <summary>Following without a key in the committee.</summary>
    Listening = 3,
}
