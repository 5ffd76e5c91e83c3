namespace Harmony.Crypto.Bls;

/// <summary>The outcome of verifying a batch of signature sets.</summary>
public sealed class BatchVerificationResult
{
    internal BatchVerificationResult(bool isValid, IReadOnlyList<int> invalidIndices)
    {
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
