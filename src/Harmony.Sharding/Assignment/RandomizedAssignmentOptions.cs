namespace Harmony.Sharding.Assignment;

/// <summary>Options of <see cref="RandomizedAssignment"/>.</summary>
public sealed class RandomizedAssignmentOptions
{
    /// <summary>
    /// The largest fraction of the re-elected external slots that may change shard at one resharding, in [0, 1]. The
    /// default 0.25 moves at most a quarter of the sitting validators per epoch, so every validator is moved about once
    /// every four epochs while three quarters of each committee carry over.
    /// </summary>
    public double MaxChurnFraction { get; set; } = 0.25;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MaxChurnFraction"/> is outside [0, 1].</exception>
    public void Validate()
    {
        if (!(MaxChurnFraction >= 0 && MaxChurnFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxChurnFraction), MaxChurnFraction, "The churn fraction must be in [0, 1].");
        }
    }
}
