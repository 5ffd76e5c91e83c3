namespace Harmony.P2P.Kademlia;

/// <summary>The outcome of <see cref="KadNode.GetValueAsync"/>.</summary>
public sealed class KadValueResult
{
    internal KadValueResult(ReadOnlyMemory<byte>? value, int recordsReceived, int corrected, KadLookupResult lookup)
    {
        Value = value;
        RecordsReceived = recordsReceived;
        Corrected = corrected;
        Lookup = lookup;
    }

    /// <summary>Whether a valid value was found.</summary>
    public bool Found => Value.HasValue;

    /// <summary>The best valid value by <see cref="IKadRecordValidator.Select"/>, or <see langword="null"/>.</summary>
    public ReadOnlyMemory<byte>? Value { get; }

    /// <summary>Valid records collected (including the local copy).</summary>
    public int RecordsReceived { get; }

    /// <summary>Peers sent the best value because they held an outdated copy or none (entry correction).</summary>
    public int Corrected { get; }

    /// <summary>The lookup that collected the records.</summary>
    public KadLookupResult Lookup { get; }
}
