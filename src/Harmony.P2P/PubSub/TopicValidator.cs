using Harmony.P2P.Libp2p;

namespace Harmony.P2P.PubSub;

/// <summary>Decides whether a new message of a topic is delivered and forwarded; may complete asynchronously.</summary>
/// <param name="from">The peer that forwarded it.</param>
/// <param name="message">The message (signature already checked under StrictSign).</param>
/// <param name="cancellationToken">Signalled when the service stops.</param>
/// <returns>The verdict.</returns>
public delegate ValueTask<ValidationResult> TopicValidator(PeerId from, PubSubMessage message, CancellationToken cancellationToken);
