namespace Harmony.P2P.PubSub;

/// <summary>A pubsub message id: opaque bytes (by default <c>from ‖ seqno</c>), compared by value.</summary>
public readonly struct MessageId : IEquatable<MessageId>
{
    private readonly byte[]? _bytes;
    private readonly int _hash;

    /// <summary>Creates an id from its bytes (copied).</summary>
    /// <param name="bytes">The id bytes.</param>
    public MessageId(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes.ToArray();
        var hash = default(HashCode);
        hash.AddBytes(bytes);
        _hash = hash.ToHashCode();
    }

    /// <summary>The id bytes.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes ?? [];

    /// <inheritdoc />
    public bool Equals(MessageId other) => Bytes.Span.SequenceEqual(other.Bytes.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MessageId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    /// <summary>Lower-case hex of the id.</summary>
    /// <returns>The hex text.</returns>
    public override string ToString() => Convert.ToHexStringLower(Bytes.Span);

    /// <summary>Equality.</summary>
    /// <param name="left">Left id.</param>
    /// <param name="right">Right id.</param>
    /// <returns>Whether the bytes are equal.</returns>
    public static bool operator ==(MessageId left, MessageId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">Left id.</param>
    /// <param name="right">Right id.</param>
    /// <returns>Whether the bytes differ.</returns>
    public static bool operator !=(MessageId left, MessageId right) => !left.Equals(right);
}
