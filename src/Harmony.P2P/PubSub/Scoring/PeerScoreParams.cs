using System.Net;
using Harmony.P2P.Libp2p;

namespace Harmony.P2P.PubSub.Scoring;

/// <summary>
/// Peer score parameters of gossipsub v1.1: per-topic P₁–P₄ (explicit topics plus a default applied to every other
/// topic), the topic cap, and the global P₅ (application), P₆ (IP colocation) and P₇ (behaviour penalty), with decay.
/// Harmony's Go node sets none; these defaults make invalid messages and protocol abuse cost a peer its mesh slots
/// (one invalid message −10, a few more reach the graylist) while honest peers stay near zero or above.
/// </summary>
public sealed class PeerScoreParams
{
    /// <summary>Parameters of named topics.</summary>
    public IDictionary<string, TopicScoreParams> Topics { get; } = new Dictionary<string, TopicScoreParams>(StringComparer.Ordinal);

    /// <summary>Parameters of topics not in <see cref="Topics"/>; <see langword="null"/> scores only the named ones.</summary>
    public TopicScoreParams? DefaultTopic { get; set; } = new();

    /// <summary>Cap on the positive part of the summed topic scores; 0 means no cap.</summary>
    public double TopicScoreCap { get; set; } = 20;

    /// <summary>P₅: the application's score of a peer; none when <see langword="null"/>.</summary>
    public Func<PeerId, double>? AppSpecificScore { get; set; }

    /// <summary>P₅ weight.</summary>
    public double AppSpecificWeight { get; set; } = 1;

    /// <summary>
    /// P₆ weight (negative): applied to the square of the surplus of peers sharing an IP address (IPv4, or the /64
    /// prefix of an IPv6 address, since one host commonly holds a whole /64).
    /// </summary>
    public double IPColocationFactorWeight { get; set; } = -10;

    /// <summary>P₆ threshold: peers per IP address tolerated before the penalty.</summary>
    public int IPColocationFactorThreshold { get; set; } = 10;

    /// <summary>
    /// Networks whose peers are exempt from P₆ (e.g. a data centre running many trusted nodes behind one address).
    /// </summary>
    public IList<IPNetwork> IPColocationFactorWhitelist { get; } = new List<IPNetwork>();

    /// <summary>P₇ weight (negative): applied to the square of the behaviour-penalty counter above its threshold.</summary>
    public double BehaviourPenaltyWeight { get; set; } = -10;

    /// <summary>P₇ threshold: the counter value tolerated before the penalty.</summary>
    public double BehaviourPenaltyThreshold { get; set; } = 2;

    /// <summary>P₇ decay.</summary>
    public double BehaviourPenaltyDecay { get; set; } = 0.9;

    /// <summary>How often counters decay.</summary>
    public TimeSpan DecayInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Counters below this after decay become 0.</summary>
    public double DecayToZero { get; set; } = 0.01;

    /// <summary>How long a disconnected peer's score is remembered (so reconnecting does not wash it).</summary>
    public TimeSpan RetainScore { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The parameters of <paramref name="topic"/>, or <see langword="null"/> when it is not scored.</summary>
    /// <param name="topic">The topic.</param>
    /// <returns>The parameters.</returns>
    public TopicScoreParams? For(string topic) => Topics.TryGetValue(topic, out var p) ? p : DefaultTopic;

    internal IEnumerable<string> Problems()
    {
        foreach (var (topic, p) in Topics)
        {
            foreach (var problem in p.Problems(topic))
            {
                yield return problem;
            }
        }

        if (DefaultTopic is not null)
        {
            foreach (var problem in DefaultTopic.Problems("default topic"))
            {
                yield return problem;
            }
        }

        if (TopicScoreCap < 0 || AppSpecificWeight < 0 || IPColocationFactorWeight > 0 || IPColocationFactorThreshold < 1
            || BehaviourPenaltyWeight > 0 || BehaviourPenaltyThreshold < 0 || !TopicScoreParams.IsDecay(BehaviourPenaltyDecay)
            || DecayInterval <= TimeSpan.Zero || DecayToZero <= 0 || DecayToZero >= 1 || RetainScore < TimeSpan.Zero)
        {
            yield return "Peer score: TopicScoreCap ≥ 0, AppSpecificWeight ≥ 0, IPColocationFactorWeight ≤ 0 with threshold ≥ 1, "
                + "BehaviourPenaltyWeight ≤ 0 with threshold ≥ 0 and a decay in (0, 1), a positive DecayInterval, DecayToZero in (0, 1), RetainScore ≥ 0.";
        }
    }
}
