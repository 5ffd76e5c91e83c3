using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harmony.P2P.Libp2p.InMemory;

/// <summary>
/// An in-process libp2p network for tests and simulation: hosts with generated peer ids, explicit
/// <see cref="Connect"/>/<see cref="Disconnect"/>, and streams negotiated by protocol id against the handlers the remote
/// host registered. Streams are crossed pipes; inbound handlers run on the thread pool.
/// </summary>
public sealed class InMemoryLibp2pNetwork
{
    private readonly object _gate = new();
    private readonly Dictionary<PeerId, InMemoryLibp2pHost> _hosts = [];
    private readonly Random _random;
    private readonly ILoggerFactory _loggerFactory;

    /// <summary>Creates an empty network.</summary>
    /// <param name="seed">Seed for generated peer ids, so runs are reproducible.</param>
    /// <param name="loggerFactory">Logs of the hosts; none when omitted.</param>
    public InMemoryLibp2pNetwork(int seed = 0, ILoggerFactory? loggerFactory = null)
    {
        _random = new Random(seed);
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    /// <summary>Every host created so far.</summary>
    public IReadOnlyCollection<InMemoryLibp2pHost> Hosts
    {
        get
        {
            lock (_gate)
            {
                return [.. _hosts.Values];
            }
        }
    }

    /// <summary>
    /// A peer id that inlines a protobuf Ed25519 public key made of seeded random bytes. It has the shape of a real
    /// <c>12D3KooW…</c> id, but no private key exists for it, so use it only where nothing is signed.
    /// </summary>
    /// <param name="random">The random source.</param>
    /// <returns>The peer id.</returns>
    public static PeerId RandomPeerId(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> key = stackalloc byte[36];
        key[0] = 0x08;
        key[1] = 0x01;
        key[2] = 0x12;
        key[3] = 0x20;
        random.NextBytes(key[4..]);
        return PeerId.FromEncodedPublicKey(key);
    }

    /// <summary>Creates a host and adds it to the network.</summary>
    /// <param name="peerId">Its id; a generated one when omitted.</param>
    /// <param name="address">The IP address other hosts see for it (for IP-colocation scoring); none when omitted.</param>
    /// <returns>The host.</returns>
    public InMemoryLibp2pHost CreateHost(PeerId? peerId = null, IPAddress? address = null)
    {
        lock (_gate)
        {
            peerId ??= RandomPeerId(_random);
            var host = new InMemoryLibp2pHost(this, peerId, address, _loggerFactory.CreateLogger<InMemoryLibp2pHost>());
            if (!_hosts.TryAdd(peerId, host))
            {
                throw new InvalidOperationException($"A host with peer id {peerId} already exists.");
            }

            return host;
        }
    }

    /// <summary>
    /// Connects two hosts (a no-op when already connected); both raise <see cref="ILibp2pHost.PeerConnected"/>. The
    /// first host is the dialer: its connection is outbound, the other's inbound.
    /// </summary>
    /// <param name="a">The dialing host.</param>
    /// <param name="b">The host dialed.</param>
    public static void Connect(InMemoryLibp2pHost a, InMemoryLibp2pHost b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a == b || a.IsDisposed || b.IsDisposed)
        {
            return;
        }

        if (a.AddLink(b, outbound: true) | b.AddLink(a, outbound: false))
        {
            a.RaiseConnected(b.LocalPeer);
            b.RaiseConnected(a.LocalPeer);
        }
    }

    /// <summary>Disconnects two hosts, resetting every stream between them.</summary>
    /// <param name="a">One host.</param>
    /// <param name="b">The other host.</param>
    public static void Disconnect(InMemoryLibp2pHost a, InMemoryLibp2pHost b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var removed = a.RemoveLink(b.LocalPeer) | b.RemoveLink(a.LocalPeer);
        if (removed)
        {
            a.RaiseDisconnected(b.LocalPeer);
            b.RaiseDisconnected(a.LocalPeer);
        }
    }

    /// <summary>Finds a host by id.</summary>
    /// <param name="peerId">The id.</param>
    /// <param name="host">The host, or <see langword="null"/>.</param>
    /// <returns>Whether it exists.</returns>
    public bool TryGetHost(PeerId peerId, out InMemoryLibp2pHost? host)
    {
        lock (_gate)
        {
            return _hosts.TryGetValue(peerId, out host);
        }
    }

    internal void Remove(PeerId peerId)
    {
        lock (_gate)
        {
            _hosts.Remove(peerId);
        }
    }
}
