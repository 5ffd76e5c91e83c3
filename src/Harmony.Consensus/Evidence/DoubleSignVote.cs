namespace Harmony.Consensus.Evidence;

/// <summary>
/// One of two conflicting commit votes (Go <c>slash.Vote</c>): <c>[SignerPubKeys([][48]), BlockHeaderHash(32), Signature]</c>.
/// </summary>
/// <param name="SignerPublicKeys">The keys whose summed signature <see cref="Signature"/> is, sorted by byte order.</param>
/// <param name="BlockHeaderHash">The 32-byte hash that was signed.</param>
/// <param name="Signature">The encoded (aggregate) signature over the commit payload.</param>
public sealed record DoubleSignVote(IReadOnlyList<ReadOnlyMemory<byte>> SignerPublicKeys, ReadOnlyMemory<byte> BlockHeaderHash, ReadOnlyMemory<byte> Signature)
{
    /// <summary>A vote with its keys sorted lexicographically, as Harmony builds them.</summary>
    /// <param name="signerPublicKeys">The keys in any order.</param>
    /// <param name="blockHeaderHash">The signed hash.</param>
    /// <param name="signature">The signature.</param>
    /// <returns>The vote.</returns>
    public static DoubleSignVote Create(IEnumerable<ReadOnlyMemory<byte>> signerPublicKeys, ReadOnlyMemory<byte> blockHeaderHash, ReadOnlyMemory<byte> signature)
    {
        var keys = signerPublicKeys.Select(k => k.ToArray()).ToList();
        keys.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        return new DoubleSignVote(keys.Select(k => (ReadOnlyMemory<byte>)k).ToArray(), blockHeaderHash, signature);
    }
}
