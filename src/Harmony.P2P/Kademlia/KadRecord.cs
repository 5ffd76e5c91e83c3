namespace Harmony.P2P.Kademlia;

/// <summary>The kad-dht <c>Record</c>: a key, its value and when the sender received it.</summary>
/// <param name="Key">The record key (the same bytes as the message key).</param>
/// <param name="Value">The value, checked by an <see cref="IKadRecordValidator"/> before it is stored or used.</param>
/// <param name="TimeReceived">When the record was received (RFC 3339 on the wire); informational only.</param>
public sealed record KadRecord(ReadOnlyMemory<byte> Key, ReadOnlyMemory<byte> Value, DateTimeOffset TimeReceived);
