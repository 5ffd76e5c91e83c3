namespace Harmony.P2P.Multiaddr;

/// <summary>The multiaddr protocol codes this library reads and writes (multicodec table values).</summary>
public enum MultiaddressProtocol
{
    /// <summary><c>/ip4/a.b.c.d</c>, 4 bytes.</summary>
    Ip4 = 4,

    /// <summary><c>/tcp/port</c>, 2 bytes big-endian.</summary>
    Tcp = 6,

    /// <summary><c>/ip6/…</c>, 16 bytes.</summary>
    Ip6 = 41,

    /// <summary><c>/dns/name</c>, length-prefixed UTF-8.</summary>
    Dns = 53,

    /// <summary><c>/dns4/name</c>, length-prefixed UTF-8.</summary>
    Dns4 = 54,

    /// <summary><c>/dns6/name</c>, length-prefixed UTF-8.</summary>
    Dns6 = 55,

    /// <summary><c>/dnsaddr/name</c>, length-prefixed UTF-8.</summary>
    DnsAddr = 56,

    /// <summary><c>/udp/port</c>, 2 bytes big-endian.</summary>
    Udp = 273,

    /// <summary><c>/p2p/peer-id</c>, a length-prefixed multihash written in base58btc.</summary>
    P2p = 421,
}
