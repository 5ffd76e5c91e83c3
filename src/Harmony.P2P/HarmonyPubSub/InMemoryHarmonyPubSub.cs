using System.Threading.Channels;
using Harmony.P2P.Libp2p;

namespace Harmony.P2P.HarmonyPubSub;

/// <summary>One node of an <see cref="InMemoryHarmonyPubSubNetwork"/>; same contract as the gossip implementation.</summary>
public sealed class InMemoryHarmonyPubSub : IHarmonyPubSub
{
    private readonly InMemoryHarmonyPubSubNetwork _network;
    private readonly Channel<HarmonyPubSubMessage> _messages;
    private readonly HashSet<string> _joined = new(StringComparer.Ordinal);

    /// <summary>Largest payload published, as with gossip's default message size limit (2 MiB).</summary>
    public const int MaxPayloadSize = 2 * 1024 * 1024;

    internal InMemoryHarmonyPubSub(InMemoryHarmonyPubSubNetwork network, PeerId localPeer, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _network = network;
        LocalPeer = localPeer;
        _messages = Channel.CreateBounded<HarmonyPubSubMessage>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
    }

    /// <inheritdoc />
    public PeerId LocalPeer { get; }

    /// <inheritdoc />
    public ChannelReader<HarmonyPubSubMessage> Messages => _messages.Reader;

    /// <summary>Payloads dropped because the reader fell behind.</summary>
    public long Dropped { get; private set; }

    /// <inheritdoc />
    public void Join(string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        lock (_joined)
        {
            _joined.Add(topic);
        }
    }

    /// <inheritdoc />
    public void Leave(string topic)
    {
        lock (_joined)
        {
            _joined.Remove(topic);
        }
    }

    /// <inheritdoc />
    public bool Publish(string topic, HarmonyMessageCategory category, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        var payload = HarmonyPayload.Frame(category, body);
        if (payload.Length > MaxPayloadSize)
        {
            return false;
        }

        _network.Publish(this, topic, payload);
        return true;
    }

    /// <summary>Publishes raw bytes as they would arrive from a peer, framing and all (for tests of malformed input).</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="payload">The payload.</param>
    public void PublishRaw(string topic, byte[] payload) => _network.Publish(this, topic, payload);

    internal bool IsJoined(string topic)
    {
        lock (_joined)
        {
            return _joined.Contains(topic);
        }
    }

    internal void Receive(HarmonyPubSubMessage message)
    {
        if (!_messages.Writer.TryWrite(message))
        {
            Dropped++;
        }
    }
}
