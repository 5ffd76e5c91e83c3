using System.Diagnostics.CodeAnalysis;

namespace Harmony.Sharding.Vdf;

/// <summary>
/// The result of a Wesolowski VDF evaluation: the output <c>y = x^(2^T)</c> and the proof <c>π = x^⌊2^T/ℓ⌋</c>, both
/// reduced forms of the evaluation's class group. Encoded as <c>y ‖ π</c>, each <see cref="ClassGroup.FormSize"/> bytes.
/// </summary>
/// <param name="Output">y, the VDF output.</param>
/// <param name="Proof">π, the proof.</param>
public readonly record struct WesolowskiProof(QuadraticForm Output, QuadraticForm Proof)
{
    /// <summary>The encoded size for a group: two forms.</summary>
    /// <param name="group">The class group.</param>
    /// <returns><c>2 · FormSize</c>.</returns>
    public static int EncodedSize(ClassGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return 2 * group.FormSize;
    }

    /// <summary>Encodes <c>y ‖ π</c>.</summary>
    /// <param name="group">The group both forms belong to.</param>
    /// <returns><see cref="EncodedSize"/> bytes.</returns>
    public byte[] Encode(ClassGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        byte[] bytes = new byte[EncodedSize(group)];
        group.Encode(Output, bytes);
        group.Encode(Proof, bytes.AsSpan(group.FormSize));
        return bytes;
    }

    /// <summary>Decodes <c>y ‖ π</c>; each must be a reduced element of <paramref name="group"/>.</summary>
    /// <param name="group">The expected class group.</param>
    /// <param name="encoded">Exactly <see cref="EncodedSize"/> bytes.</param>
    /// <param name="proof">The decoded proof, or the default.</param>
    /// <param name="error">Why decoding failed, or <see langword="null"/>.</param>
    /// <returns>Whether the bytes are a well-formed proof for that group (it is not verified here).</returns>
    public static bool TryDecode(ClassGroup group, ReadOnlySpan<byte> encoded, out WesolowskiProof proof, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(group);
        proof = default;
        if (encoded.Length != EncodedSize(group))
        {
            error = $"A VDF proof for this group is {EncodedSize(group)} bytes, not {encoded.Length}.";
            return false;
        }

        if (!group.TryDecode(encoded[..group.FormSize], out var output, out var outputError))
        {
            error = $"VDF output: {outputError}";
            return false;
        }

        if (!group.TryDecode(encoded[group.FormSize..], out var pi, out var piError))
        {
            error = $"VDF proof: {piError}";
            return false;
        }

        proof = new WesolowskiProof(output, pi);
        error = null;
        return true;
    }
}
