namespace Harmony.P2P.Libp2p;

/// <summary>
/// The protection tags of peers (see <see cref="ILibp2pHost.Protect"/>): a peer is protected while at least one tag
/// remains. Thread-safe.
/// </summary>
internal sealed class PeerProtections
{
    private readonly Dictionary<PeerId, HashSet<string>> _tags = [];

    public void Protect(PeerId peer, string tag)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentException.ThrowIfNullOrEmpty(tag);
        lock (_tags)
        {
            if (!_tags.TryGetValue(peer, out var tags))
            {
                tags = new HashSet<string>(StringComparer.Ordinal);
                _tags[peer] = tags;
            }

            tags.Add(tag);
        }
    }

    public bool Unprotect(PeerId peer, string tag)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(tag);
        lock (_tags)
        {
            if (!_tags.TryGetValue(peer, out var tags))
            {
                return false;
            }

            tags.Remove(tag);
            if (tags.Count == 0)
            {
                _tags.Remove(peer);
                return false;
            }

            return true;
        }
    }

    public bool IsProtected(PeerId peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        lock (_tags)
        {
            return _tags.ContainsKey(peer);
        }
    }
}
