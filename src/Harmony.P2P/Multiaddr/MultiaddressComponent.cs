namespace Harmony.P2P.Multiaddr;

/// <summary>One <c>/protocol/value</c> pair of a multiaddr, the value in its binary form (without length prefix).</summary>
/// <param name="Protocol">The protocol.</param>
/// <param name="Value">The binary value: 4 or 16 address bytes, a 2-byte port, UTF-8 name bytes or multihash bytes.</param>
public readonly record struct MultiaddressComponent(MultiaddressProtocol Protocol, ReadOnlyMemory<byte> Value);
