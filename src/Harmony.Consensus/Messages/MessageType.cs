namespace Harmony.Consensus.Messages;

/// <summary>The <c>type</c> field of Harmony's <c>harmonymessage.Message</c> (spec/harmony.md §1.2).</summary>
public enum MessageType
{
    /// <summary>Deprecated beacon staking message (0); never sent.</summary>
    NewNodeBeaconStaking = 0,

    /// <summary>The leader proposes a block (1).</summary>
    Announce = 1,

    /// <summary>A validator signs the block hash (2).</summary>
    Prepare = 2,

    /// <summary>The leader publishes the prepare aggregate (3).</summary>
    Prepared = 3,

    /// <summary>A validator signs the commit payload (4).</summary>
    Commit = 4,

    /// <summary>The leader publishes the commit aggregate (5).</summary>
    Committed = 5,

    /// <summary>A validator asks to change the view (6).</summary>
    ViewChange = 6,

    /// <summary>The new leader starts the new view (7).</summary>
    NewView = 7,

    /// <summary>Deprecated DRand init (10).</summary>
    DrandInit = 10,

    /// <summary>Deprecated DRand commit (11).</summary>
    DrandCommit = 11,

    /// <summary>Deprecated lottery request (12).</summary>
    LotteryRequest = 12,

    /// <summary>The leader reports the last round's vote power (13).</summary>
    LastSignPower = 13,
}
