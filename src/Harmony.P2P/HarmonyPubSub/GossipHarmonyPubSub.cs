using System.Threading.Channels;
using Harmony.P2P.Libp2p;
using Harmony.P2P.PubSub;

namespace Harmony.P2P.HarmonyPubSub;

/// <summary>
/// <see cref="IHarmonyPubSub"/> over gossipsub: each joined topic gets a validator that rejects malformed payloads and
/// consensus messages on non-consensus topics (so their senders lose score), and accepted payloads go to a bounded
/// reader that drops the newest when the consumer falls behind by more than <paramref name="capacity"/> messages.
/// </summary>
/// <param name="gossip">A started gossipsub service.</param>
/// <param name="capacity">How many received payloads may wait for the reader.</param>
public sealed class GossipHarmonyPubSub(GossipSub gossip, int capacity = 4096) : IHarmonyPubSub
{
    private readonly Channel<HarmonyPubSubMessage> _messages = CreateChannel(gossip, capacity);
    private readonly HashSet<string> _joined = new(StringComparer.Ordinal);
    private int _subscribed;

    /// <inheritdoc />
    public PeerId LocalPeer => gossip.Router.LocalPeer;

    /// <inheritdoc />
    public ChannelReader<HarmonyPubSubMessage> Messages => _messages.Reader;

    private long _dropped;

    /// <summary>Payloads dropped because the reader fell behind.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public void Join(string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        if (Interlocked.Exchange(ref _subscribed, 1) == 0)
        {
            gossip.MessageReceived += OnMessage;
        }

        lock (_joined)
        {
            if (!_joined.Add(topic))
            {
                return;
            }
        }

        gossip.SetValidator(topic, static (_, message, _) =>
            ValueTask.FromResult(HarmonyPayload.TryAccept(message.Topic, message.Data, out _, out _) ? ValidationResult.Accept : ValidationResult.Reject));
        gossip.Join(topic);
    }

    /// <inheritdoc />
    public void Leave(string topic)
    {
        lock (_joined)
        {
            if (!_joined.Remove(topic))
            {
                return;
            }
        }

        gossip.Leave(topic);
    }

    /// <inheritdoc />
    public bool Publish(string topic, HarmonyMessageCategory category, ReadOnlySpan<byte> body) =>
        gossip.TryPublish(topic, HarmonyPayload.Frame(category, body), out _);

    private static Channel<HarmonyPubSubMessage> CreateChannel(GossipSub gossip, int capacity)
    {
        ArgumentNullException.ThrowIfNull(gossip);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return Channel.CreateBounded<HarmonyPubSubMessage>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
    }

    private void OnMessage(ReceivedPubSubMessage received)
    {
        var message = received.Message;
        lock (_joined)
        {
            if (!_joined.Contains(message.Topic))
            {
                return;
            }
        }

        if (!HarmonyPayload.TryAccept(message.Topic, message.Data, out var parsed, out _))
        {
            return;
        }

        var sender = PeerId.TryFromBytes(message.From.Span, out var author) ? author : received.ReceivedFrom;
        if (!_messages.Writer.TryWrite(new HarmonyPubSubMessage(message.Topic, sender, parsed.Category, parsed.Body)))
        {
            Interlocked.Increment(ref _dropped);
        }
    }
}
