namespace Harmony.Crypto.Encoding;

/// <summary>
/// Harmony's tagged RLP envelope (the <c>taggedrlp</c> registry used for versioned headers and blocks): a tagged value
/// is the list <c>["HmnyTgd", tag, inner]</c>; any other value is a legacy, untagged encoding.
/// </summary>
public static class HarmonyTaggedRlp
{
    /// <summary>First item of every envelope.</summary>
    public const string EnvelopeMarker = "HmnyTgd";

    private static ReadOnlySpan<byte> MarkerBytes => "HmnyTgd"u8;

    /// <summary>Encoded length of an envelope.</summary>
    /// <param name="tag">The tag, such as <c>"v3"</c>.</param>
    /// <param name="innerEncodedLength">Encoded length of the inner item.</param>
    /// <returns>Header plus payload of the envelope list.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="innerEncodedLength"/> is negative.</exception>
    public static int LengthOfEnvelope(ReadOnlySpan<byte> tag, int innerEncodedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(innerEncodedLength);
        return Rlp.LengthOfList(PayloadLength(tag, innerEncodedLength));
    }

    /// <summary>Writes <c>["HmnyTgd", tag, inner]</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="tag">The tag; must not be empty (an empty tag would read back as a legacy value).</param>
    /// <param name="innerEncoded">Exactly one complete RLP item, copied verbatim.</param>
    /// <exception cref="ArgumentException"><paramref name="tag"/> is empty, or <paramref name="innerEncoded"/> is not exactly one well-formed item.</exception>
    public static void WriteEnvelope(ref RlpWriter writer, ReadOnlySpan<byte> tag, ReadOnlySpan<byte> innerEncoded)
    {
        if (tag.IsEmpty)
        {
            throw new ArgumentException("The tag of an envelope must not be empty.", nameof(tag));
        }

        var check = new RlpReader(innerEncoded);
        if (!check.TryReadRaw(out _) || !check.TryEnsureEnd())
        {
            throw new ArgumentException(
                $"The inner value must be exactly one RLP item: {check.LastError}.", nameof(innerEncoded));
        }

        writer.WriteListHeader(PayloadLength(tag, innerEncoded.Length));
        writer.WriteBytes(MarkerBytes);
        writer.WriteBytes(tag);
        writer.WriteRaw(innerEncoded);
    }

    /// <summary>Splits a value into tag and inner encoding, telling tagged values from legacy ones.</summary>
    /// <param name="encoded">Exactly one RLP item.</param>
    /// <param name="tag">The tag, or empty for a legacy value.</param>
    /// <param name="innerEncoded">The inner item of a tagged value, or <paramref name="encoded"/> itself for a legacy value.</param>
    /// <param name="error">Why the value was rejected, when the result is <see langword="false"/>.</param>
    /// <returns>
    /// <see langword="false"/> when <paramref name="encoded"/> is not one well-formed item (or an envelope-shaped list is
    /// malformed inside); otherwise <see langword="true"/>. Only a list of exactly three items whose first is the
    /// string "HmnyTgd" and whose second is a non-empty string is tagged; anything else is legacy. The inner item's
    /// header is checked, its contents are left to the caller.
    /// </returns>
    public static bool TryReadEnvelope(
        ReadOnlySpan<byte> encoded,
        out ReadOnlySpan<byte> tag,
        out ReadOnlySpan<byte> innerEncoded,
        out RlpError error)
    {
        tag = default;
        innerEncoded = default;
        error = default;
        var top = new RlpReader(encoded);
        if (!top.NextIsList)
        {
            if (!top.TryReadRaw(out _) || !top.TryEnsureEnd())
            {
                error = top.LastError;
                return false;
            }

            innerEncoded = encoded;
            return true;
        }

        if (!top.TryReadList(out RlpReader list) || !top.TryEnsureEnd())
        {
            error = top.LastError;
            return false;
        }

        if (TryMatchEnvelope(ref list, out tag, out innerEncoded))
        {
            return true;
        }

        tag = default;
        innerEncoded = default;
        if (list.LastError.IsError)
        {
            error = list.LastError;
            return false;
        }

        innerEncoded = encoded;
        return true;
    }

    private static bool TryMatchEnvelope(scoped ref RlpReader list, out ReadOnlySpan<byte> tag, out ReadOnlySpan<byte> inner)
    {
        tag = default;
        inner = default;
        if (!list.HasMore || list.NextIsList)
        {
            return false;
        }

        if (!list.TryReadBytes(out ReadOnlySpan<byte> marker) || !marker.SequenceEqual(MarkerBytes))
        {
            return false;
        }

        if (!list.HasMore || list.NextIsList)
        {
            return false;
        }

        if (!list.TryReadBytes(out tag) || tag.IsEmpty)
        {
            return false;
        }

        if (!list.HasMore || !list.TryReadRaw(out inner))
        {
            return false;
        }

        return !list.HasMore;
    }

    private static int PayloadLength(ReadOnlySpan<byte> tag, int innerEncodedLength) =>
        checked(Rlp.LengthOfBytes(MarkerBytes) + Rlp.LengthOfBytes(tag) + innerEncodedLength);
}
