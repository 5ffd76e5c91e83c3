namespace Harmony.Consensus.Messages;

/// <summary>The <c>service_type</c> field of <c>harmonymessage.Message</c>.</summary>
public enum ServiceType
{
    /// <summary>Consensus (0, the default, so it never appears on the wire).</summary>
    Consensus = 0,

    /// <summary>Deprecated staking service (1).</summary>
    Staking = 1,

    /// <summary>Deprecated DRand service (2).</summary>
    Drand = 2,

    /// <summary>Client support (3).</summary>
    ClientSupport = 3,
}
