namespace Harmony.P2P.Kademlia;

/// <summary>
/// Accepts every value and selects the lexicographically greatest one, which is stable under reordering.
/// Suited to tests and to applications whose values carry a big-endian version prefix.
/// </summary>
public sealed class AcceptAllRecordValidator : IKadRecordValidator
{
    /// <summary>The shared instance.</summary>
    public static AcceptAllRecordValidator Instance { get; } = new();

    /// <inheritdoc />
    public bool Validate(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => true;

    /// <inheritdoc />
    public int Select(ReadOnlySpan<byte> key, IReadOnlyList<ReadOnlyMemory<byte>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("Select needs at least one value.", nameof(values));
        }

        var best = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i].Span.SequenceCompareTo(values[best].Span) > 0)
            {
                best = i;
            }
        }

        return best;
    }
}
