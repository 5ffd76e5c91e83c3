namespace Harmony.P2P.PubSub.Scoring;

/// <summary>
/// Per-topic score parameters of gossipsub v1.1 (P₁–P₄). Weights of penalties are negative, weights of rewards
/// positive; decays are per <see cref="PeerScoreParams.DecayInterval"/>, in (0, 1).
/// </summary>
public sealed class TopicScoreParams
{
    /// <summary>Weight of this topic in the peer's score.</summary>
    public double TopicWeight { get; set; } = 1;

    /// <summary>P₁ weight (time in mesh, positive).</summary>
    public double TimeInMeshWeight { get; set; } = 0.01;

    /// <summary>P₁ unit of time.</summary>
    public TimeSpan TimeInMeshQuantum { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>P₁ cap, in quanta.</summary>
    public double TimeInMeshCap { get; set; } = 300;

    /// <summary>P₂ weight (first deliveries, positive).</summary>
    public double FirstMessageDeliveriesWeight { get; set; } = 1;

    /// <summary>P₂ decay.</summary>
    public double FirstMessageDeliveriesDecay { get; set; } = 0.5;

    /// <summary>P₂ cap.</summary>
    public double FirstMessageDeliveriesCap { get; set; } = 10;

    /// <summary>P₃ weight (mesh delivery deficit squared, negative); 0 disables P₃ and P₃b's activation.</summary>
    public double MeshMessageDeliveriesWeight { get; set; }

    /// <summary>P₃ decay.</summary>
    public double MeshMessageDeliveriesDecay { get; set; } = 0.5;

    /// <summary>P₃ threshold: fewer deliveries than this in a mesh peer count as a deficit.</summary>
    public double MeshMessageDeliveriesThreshold { get; set; } = 1;

    /// <summary>P₃ cap.</summary>
    public double MeshMessageDeliveriesCap { get; set; } = 10;

    /// <summary>How long a peer is in the mesh before P₃ applies.</summary>
    public TimeSpan MeshMessageDeliveriesActivation { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How late after the first delivery a duplicate from a mesh peer still counts for P₃.</summary>
    public TimeSpan MeshMessageDeliveriesWindow { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>P₃b weight (sticky mesh failure penalty, negative).</summary>
    public double MeshFailurePenaltyWeight { get; set; }

    /// <summary>P₃b decay.</summary>
    public double MeshFailurePenaltyDecay { get; set; } = 0.5;

    /// <summary>P₄ weight (invalid messages squared, negative).</summary>
    public double InvalidMessageDeliveriesWeight { get; set; } = -10;

    /// <summary>P₄ decay.</summary>
    public double InvalidMessageDeliveriesDecay { get; set; } = 0.9;

    internal IEnumerable<string> Problems(string topic)
    {
        if (TopicWeight < 0)
        {
            yield return $"{topic}: TopicWeight must be ≥ 0.";
        }

        if (TimeInMeshWeight < 0 || TimeInMeshQuantum <= TimeSpan.Zero || TimeInMeshCap <= 0)
        {
            yield return $"{topic}: P₁ needs TimeInMeshWeight ≥ 0, a positive quantum and a positive cap.";
        }

        if (FirstMessageDeliveriesWeight < 0 || FirstMessageDeliveriesCap <= 0 || !IsDecay(FirstMessageDeliveriesDecay))
        {
            yield return $"{topic}: P₂ needs a weight ≥ 0, a positive cap and a decay in (0, 1).";
        }

        if (MeshMessageDeliveriesWeight > 0 || !IsDecay(MeshMessageDeliveriesDecay) || MeshMessageDeliveriesThreshold <= 0
            || MeshMessageDeliveriesCap < MeshMessageDeliveriesThreshold || MeshMessageDeliveriesActivation < TimeSpan.Zero
            || MeshMessageDeliveriesWindow < TimeSpan.Zero)
        {
            yield return $"{topic}: P₃ needs a weight ≤ 0, a decay in (0, 1), 0 < threshold ≤ cap and non-negative times.";
        }

        if (MeshFailurePenaltyWeight > 0 || !IsDecay(MeshFailurePenaltyDecay))
        {
            yield return $"{topic}: P₃b needs a weight ≤ 0 and a decay in (0, 1).";
        }

        if (InvalidMessageDeliveriesWeight > 0 || !IsDecay(InvalidMessageDeliveriesDecay))
        {
            yield return $"{topic}: P₄ needs a weight ≤ 0 and a decay in (0, 1).";
        }
    }

    internal static bool IsDecay(double decay) => decay > 0 && decay < 1;
}
