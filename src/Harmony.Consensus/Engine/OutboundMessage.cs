using Harmony.Consensus.Messages;

namespace Harmony.Consensus.Engine;

/// <summary>A message to broadcast to the shard topic.</summary>
/// <param name="Type">The message type (for routing and diagnostics).</param>
/// <param name="Payload">The gossip payload: <c>0x11 ‖ BE32(len) ‖ 0x00 ‖ protobuf</c>.</param>
/// <param name="IsRetry">Whether this is a re-send by the retry policy.</param>
public sealed record OutboundMessage(MessageType Type, ReadOnlyMemory<byte> Payload, bool IsRetry);
