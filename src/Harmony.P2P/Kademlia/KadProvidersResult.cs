namespace Harmony.P2P.Kademlia;

/// <summary>The outcome of <see cref="KadNode.FindProvidersAsync"/>.</summary>
public sealed class KadProvidersResult
{
    internal KadProvidersResult(IReadOnlyList<KadPeer> providers, KadLookupResult lookup)
    {
        Providers = providers;
        Lookup = lookup;
    }

    /// <summary>Distinct providers found, in the order they arrived.</summary>
    public IReadOnlyList<KadPeer> Providers { get; }

    /// <summary>The lookup that collected them.</summary>
    public KadLookupResult Lookup { get; }
}
