namespace Harmony.Crypto.Bls;

/// <summary>The outcome of verifying a batch of signature sets.</summary>
public sealed class BatchVerificationResult
{
    /// <summary>Creates a result (for alternative scheme implementations, such as a native backend).</summary>
    /// <param name="isValid">Whether every set verified.</param>
    /// <param name="invalidIndices">The failing positions in ascending order.</param>
    public BatchVerificationResult(bool isValid, IReadOnlyList<int> invalidIndices)
    {
        ArgumentNullException.ThrowIfNull(invalidIndices);
        IsValid = isValid;
        InvalidIndices = invalidIndices;
    }

    /// <summary>True when every set in a non-empty batch verifies.</summary>
    public bool IsValid { get; }

    /// <summary>
    /// The positions of the sets that fail on their own, in ascending order (empty when the batch is valid, or when
    /// the batch was empty).
    /// </summary>
    public IReadOnlyList<int> InvalidIndices { get; }
}
