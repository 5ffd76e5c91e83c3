using Harmony.P2P.Libp2p;

namespace Harmony.P2P.PubSub;

/// <summary>A message delivered to this node's subscribers.</summary>
/// <param name="Id">Its message id.</param>
/// <param name="ReceivedFrom">The peer that forwarded it to us.</param>
/// <param name="Message">The message; <see cref="PubSubMessage.From"/> is the author under StrictSign.</param>
public sealed record ReceivedPubSubMessage(MessageId Id, PeerId ReceivedFrom, PubSubMessage Message);
