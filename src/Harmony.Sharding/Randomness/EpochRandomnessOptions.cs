using Harmony.Sharding.Vdf;

namespace Harmony.Sharding.Randomness;

/// <summary>Parameters of the epoch randomness protocol; every node of a network must use the same values.</summary>
public sealed class EpochRandomnessOptions
{
    /// <summary>How many consecutive blocks' VRFs make up the seed (the commitment window). Default 64.</summary>
    public int ContributionCount { get; set; } = 64;

    /// <summary>Bit length of the per-epoch class-group discriminant. Default 1024 (see the package README on security).</summary>
    public int DiscriminantBits { get; set; } = 1024;

    /// <summary>
    /// T, the VDF's number of sequential squarings. It must make the evaluation slower, on the fastest hardware an
    /// attacker may have, than the time between the window's last block and the next block. Default 2^20.
    /// </summary>
    public long VdfDifficulty { get; set; } = 1L << 20;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ContributionCount, 1, nameof(ContributionCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ContributionCount, 1 << 16, nameof(ContributionCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(DiscriminantBits, 64, nameof(DiscriminantBits));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DiscriminantBits, ClassGroup.MaxDiscriminantBits, nameof(DiscriminantBits));
        ArgumentOutOfRangeException.ThrowIfLessThan(VdfDifficulty, 1, nameof(VdfDifficulty));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(VdfDifficulty, WesolowskiVdf.MaxDifficulty, nameof(VdfDifficulty));
    }
}
