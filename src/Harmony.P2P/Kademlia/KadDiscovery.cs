using System.Security.Cryptography;
using System.Text;

namespace Harmony.P2P.Kademlia;

/// <summary>
/// Rendezvous discovery over provider records, the way Harmony's node uses libp2p's routing discovery: to advertise
/// a namespace (a pubsub topic such as <c>harmony/0.0.1/node/beacon</c> or a stream protocol id) a node provides the
/// key derived from the namespace; to find peers it asks for that key's providers.
/// </summary>
public static class KadDiscovery
{
    private const byte Sha256Code = 0x12;
    private const byte Sha256Length = 0x20;
    private const byte CidVersion1 = 0x01;
    private const byte RawCodec = 0x55;

    /// <summary>
    /// The provider key of a namespace: the SHA-256 multihash (<c>0x12 0x20</c> + digest) of its UTF-8 bytes, which is
    /// the multihash inside the CIDv1 (raw codec) that libp2p routing discovery provides.
    /// </summary>
    /// <param name="ns">The namespace.</param>
    /// <returns>34 bytes.</returns>
    public static byte[] NamespaceKey(string ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        var key = new byte[34];
        key[0] = Sha256Code;
        key[1] = Sha256Length;
        SHA256.HashData(Encoding.UTF8.GetBytes(ns), key.AsSpan(2));
        return key;
    }

    /// <summary>The binary CIDv1 (raw codec) of a namespace: <c>0x01 0x55</c> followed by <see cref="NamespaceKey"/>.</summary>
    /// <param name="ns">The namespace.</param>
    /// <returns>36 bytes.</returns>
    public static byte[] NamespaceCid(string ns)
    {
        var cid = new byte[36];
        cid[0] = CidVersion1;
        cid[1] = RawCodec;
        NamespaceKey(ns).CopyTo(cid, 2);
        return cid;
    }

    /// <summary>Advertises <paramref name="node"/> under <paramref name="ns"/> (kept alive by the node's republish).</summary>
    /// <param name="node">The advertising node.</param>
    /// <param name="ns">The namespace.</param>
    /// <param name="cancellationToken">Cancels the announcement.</param>
    /// <returns>How many peers the announcement was handed to.</returns>
    public static Task<int> AdvertiseAsync(this KadNode node, string ns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ProvideAsync(NamespaceKey(ns), cancellationToken);
    }

    /// <summary>Finds peers advertised under <paramref name="ns"/>.</summary>
    /// <param name="node">The searching node.</param>
    /// <param name="ns">The namespace.</param>
    /// <param name="limit">Most peers wanted.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The advertised peers.</returns>
    public static async Task<IReadOnlyList<KadPeer>> FindPeersAsync(this KadNode node, string ns, int limit = 20, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        var result = await node.FindProvidersAsync(NamespaceKey(ns), limit, cancellationToken).ConfigureAwait(false);
        return result.Providers;
    }
}
