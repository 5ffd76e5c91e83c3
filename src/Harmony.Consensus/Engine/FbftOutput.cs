namespace Harmony.Consensus.Engine;

/// <summary>What one input produced: gossip payloads to broadcast on the shard topic, and events.</summary>
public sealed class FbftOutput
{
    private readonly List<OutboundMessage> _messages = [];
    private readonly List<ConsensusEvent> _events = [];

    /// <summary>Messages to broadcast, in order.</summary>
    public IReadOnlyList<OutboundMessage> Messages => _messages;

    /// <summary>Events, in order.</summary>
    public IReadOnlyList<ConsensusEvent> Events => _events;

    internal void Add(OutboundMessage message) => _messages.Add(message);

    internal void Add(ConsensusEvent consensusEvent) => _events.Add(consensusEvent);
}
