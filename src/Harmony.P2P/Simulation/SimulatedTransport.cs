using Harmony.P2P.Kademlia;

namespace Harmony.P2P.Simulation;

/// <summary>The <see cref="IKadTransport"/> of one simulated node: hands every message to the network's event queue.</summary>
internal sealed class SimulatedTransport(SimulatedNetwork network) : IKadTransport
{
    public SimulatedNode? Owner { get; set; }

    public ValueTask<KadMessage?> RequestAsync(KadPeer peer, KadMessage request, CancellationToken cancellationToken = default) =>
        network.Request(Owner!, peer, request, expectResponse: true);

    public async ValueTask<bool> SendAsync(KadPeer peer, KadMessage message, CancellationToken cancellationToken = default) =>
        await network.Request(Owner!, peer, message, expectResponse: false).ConfigureAwait(false) is not null;
}
