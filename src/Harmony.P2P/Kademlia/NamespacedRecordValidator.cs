using System.Text;

namespace Harmony.P2P.Kademlia;

/// <summary>
/// Routes each key to the validator of its namespace: the first path segment of keys shaped <c>/ns/rest</c>
/// (as libp2p does for <c>/pk</c> and <c>/ipns</c>). Keys outside every registered namespace are invalid.
/// </summary>
public sealed class NamespacedRecordValidator : IKadRecordValidator
{
    private readonly Dictionary<string, IKadRecordValidator> _validators = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="validator"/> for keys that start with <c>/<paramref name="ns"/>/</c>.</summary>
    /// <param name="ns">The namespace, without slashes (e.g. <c>ipns</c>).</param>
    /// <param name="validator">Its validator.</param>
    /// <returns>This instance, for chaining.</returns>
    public NamespacedRecordValidator Add(string ns, IKadRecordValidator validator)
    {
        ArgumentException.ThrowIfNullOrEmpty(ns);
        ArgumentNullException.ThrowIfNull(validator);
        if (ns.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException("A namespace has no '/'.", nameof(ns));
        }

        _validators[ns] = validator;
        return this;
    }

    /// <inheritdoc />
    public bool Validate(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        TryFind(key, out var validator) && validator.Validate(key, value);

    /// <inheritdoc />
    public int Select(ReadOnlySpan<byte> key, IReadOnlyList<ReadOnlyMemory<byte>> values) =>
        TryFind(key, out var validator)
            ? validator.Select(key, values)
            : throw new ArgumentException("The key is in no registered namespace.", nameof(key));

    private bool TryFind(ReadOnlySpan<byte> key, out IKadRecordValidator validator)
    {
        validator = null!;
        if (key.Length < 3 || key[0] != (byte)'/')
        {
            return false;
        }

        var end = key[1..].IndexOf((byte)'/');
        if (end <= 0)
        {
            return false;
        }

        var ns = Encoding.UTF8.GetString(key.Slice(1, end));
        return _validators.TryGetValue(ns, out validator!);
    }
}
