namespace Harmony.P2P.Kademlia;

/// <summary>
/// Decides which records a node stores and returns (libp2p's record validator). Both methods must be pure;
/// <see cref="Select"/> must be stable: the same inputs in any order give the same chosen value.
/// </summary>
public interface IKadRecordValidator
{
    /// <summary>Whether <paramref name="value"/> is acceptable under <paramref name="key"/>. Run before storing a PUT and on every GET result.</summary>
    /// <param name="key">The record key.</param>
    /// <param name="value">The record value.</param>
    /// <returns><see langword="true"/> when the record is valid.</returns>
    bool Validate(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    /// <summary>Picks the best of several valid values for <paramref name="key"/>.</summary>
    /// <param name="key">The record key.</param>
    /// <param name="values">At least one valid value.</param>
    /// <returns>The index of the best value in <paramref name="values"/>.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Select is the libp2p record-validator name.")]
    int Select(ReadOnlySpan<byte> key, IReadOnlyList<ReadOnlyMemory<byte>> values);
}
