namespace Harmony.P2P.PubSub.Scoring;

/// <summary>
/// Score thresholds of gossipsub v1.1. Below <see cref="Gossip"/> a peer gets and gives no gossip; below
/// <see cref="Publish"/> it is left out of flood publishing; below <see cref="Graylist"/> its RPCs are ignored.
/// Peer exchange is accepted only from peers at or above <see cref="AcceptPeerExchange"/>, and opportunistic grafting
/// starts when the median mesh score falls below <see cref="OpportunisticGraft"/>. Required: 0 ≥ Gossip ≥ Publish ≥ Graylist.
/// </summary>
public sealed class PeerScoreThresholds
{
    /// <summary>Gossip threshold (≤ 0).</summary>
    public double Gossip { get; set; } = -10;

    /// <summary>Publish threshold (≤ <see cref="Gossip"/>).</summary>
    public double Publish { get; set; } = -50;

    /// <summary>Graylist threshold (≤ <see cref="Publish"/>).</summary>
    public double Graylist { get; set; } = -80;

    /// <summary>Score a PRUNE sender needs for its peer exchange to be used (≥ 0).</summary>
    public double AcceptPeerExchange { get; set; } = 5;

    /// <summary>Median mesh score below which opportunistic grafting runs (≥ 0).</summary>
    public double OpportunisticGraft { get; set; } = 1;

    internal IEnumerable<string> Problems()
    {
        if (!(Gossip <= 0 && Publish <= Gossip && Graylist <= Publish))
        {
            yield return $"Score thresholds must satisfy 0 ≥ Gossip ≥ Publish ≥ Graylist (were {Gossip}, {Publish}, {Graylist}).";
        }

        if (AcceptPeerExchange < 0 || OpportunisticGraft < 0)
        {
            yield return "AcceptPeerExchange and OpportunisticGraft thresholds must be ≥ 0.";
        }
    }
}
