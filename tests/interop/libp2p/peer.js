// A js-libp2p peer for Harmony.P2P's interop tests and benchmarks. Loopback only.
//
// Start:   node peer.js [--key-type ed25519|secp256k1] [--port N]
// It listens on /ip4/127.0.0.1/tcp/<port or random> with TCP, Noise, yamux, identify, ping, kad-dht (server mode,
// protocol /ipfs/kad/1.0.0, a permissive validator and selector for keys in the "/harmony-test/" namespace) and
// gossipsub (D/D_lo/D_hi = 5/4/8, publishing to zero peers allowed), and prints one line:
//   {"event":"ready","peerId":"12D3…","addrs":["/ip4/127.0.0.1/tcp/…/p2p/12D3…"],"protocols":[…]}
//
// Commands: one JSON object per line on stdin. Every command may carry "id"; its answer is one line on stdout
//   {"id":…,"ok":true,…results}  or  {"id":…,"ok":false,"error":"…"}.
//   {"cmd":"dial","addr":"/ip4/…/tcp/…/p2p/…"}            -> {"peer":"…","remoteAddr":"…"}
//   {"cmd":"hangup","peer":"…"}                            -> {}
//   {"cmd":"peers"}                                        -> {"peers":["…"]}
//   {"cmd":"ping","peer":"…"} or {"cmd":"ping","addr":"…"} -> {"rttMs":n}
//   {"cmd":"identify","peer":"…"}                          -> {"peer","protocols","listenAddrs","observedAddr",
//                                                               "agentVersion","protocolVersion","publicKey"(hex)}
//   {"cmd":"kad.findNode","peer":"…"}                       -> {"peer":"…","addrs":[…]} (kad FIND_NODE lookup)
//   {"cmd":"kad.closest","keyHex":"…"}                      -> {"peers":["…"]} (peers closest to a key)
//   {"cmd":"kad.put","key":"/harmony-test/…","valueHex":"…"} -> {"events":n}
//   {"cmd":"kad.get","key":"/harmony-test/…"}               -> {"valueHex":"…"} or ok:false when not found
//   {"cmd":"kad.addPeer","addr":"…/p2p/…"}                  -> {} (adds the peer to the routing table)
//   {"cmd":"gossip.subscribe","topic":"…"}                  -> {}
//   {"cmd":"gossip.unsubscribe","topic":"…"}                -> {}
//   {"cmd":"gossip.publish","topic":"…","dataHex":"…"}      -> {"recipients":["…"]}
//   {"cmd":"gossip.peers","topic":"…"}                      -> {"peers":["…"]} (peers subscribed to the topic)
//   {"cmd":"bench.send","addr":"…/p2p/…","bytes":n,"chunk":n} -> {"bytes":n,"ms":x} (writes n bytes on one
//        /harmony-test/sink/1.0.0 stream and waits for the receiver's 8-byte big-endian count)
//   {"cmd":"bench.gossipExpect","topic":"…","count":n}      -> {} once armed; from then on the next n messages on
//        the topic are counted instead of printed, and when the n-th arrives the process prints the event
//        {"event":"bench.gossip","topic":"…","count":n,"firstMs":t,"lastMs":t} (t: wall-clock milliseconds,
//        performance.timeOrigin + performance.now(), comparable across processes on one machine)
//   {"cmd":"bench.gossipPublish","topic":"…","count":n,"size":n} -> {"count":n,"startMs":t,"ms":x} (publishes n
//        signed messages of size bytes one after another, each awaited; payload bytes 0-3 are a per-process counter,
//        big-endian, so every payload differs; startMs is taken just before the first publish)
//   {"cmd":"stop"}                                          -> {} then the process exits
// Events (no "id"):
//   {"event":"peer.connect","peer":"…"}   {"event":"peer.disconnect","peer":"…"}
//   {"event":"gossip.message","topic":"…","from":"…","dataHex":"…"}
// Protocols served besides the libp2p ones:
//   /harmony-test/echo/1.0.0  echoes every byte back until the remote closes its write side.
//   /harmony-test/sink/1.0.0  reads until the remote closes its write side, then writes the count (8 bytes, BE).
import './polyfill.js'
import { createInterface } from 'node:readline'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { kadDHT, passthroughMapper } from '@libp2p/kad-dht'
import { gossipsub } from '@chainsafe/libp2p-gossipsub'
import { generateKeyPair, publicKeyToProtobuf } from '@libp2p/crypto/keys'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'

const ECHO = '/harmony-test/echo/1.0.0'
const SINK = '/harmony-test/sink/1.0.0'

function option (name, fallback) {
  const index = process.argv.indexOf(name)
  return index >= 0 && index + 1 < process.argv.length ? process.argv[index + 1] : fallback
}

const hex = bytes => Buffer.from(bytes).toString('hex')
const fromHex = text => Uint8Array.from(Buffer.from(text ?? '', 'hex'))
const write = object => process.stdout.write(JSON.stringify(object) + '\n')

const keyType = option('--key-type', 'ed25519') === 'secp256k1' ? 'secp256k1' : 'Ed25519'
const port = Number(option('--port', '0'))
const privateKey = await generateKeyPair(keyType)

const node = await createLibp2p({
  privateKey,
  addresses: { listen: [`/ip4/127.0.0.1/tcp/${port}`] },
  transports: [tcp()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  connectionGater: { denyDialMultiaddr: () => false },
  services: {
    identify: identify({ agentVersion: 'harmony-interop-js/1.0.0' }),
    ping: ping(),
    dht: kadDHT({
      protocol: '/ipfs/kad/1.0.0',
      clientMode: false,
      peerInfoMapper: passthroughMapper,
      allowQueryWithZeroPeers: true,
      validators: { 'harmony-test': async () => {} },
      selectors: { 'harmony-test': () => 0 }
    }),
    pubsub: gossipsub({
      D: 5,
      Dlo: 4,
      Dhi: 8,
      allowPublishToZeroTopicPeers: true,
      emitSelf: false,
      heartbeatInterval: 700
    })
  }
})

await node.handle(ECHO, async ({ stream }) => {
  try {
    await stream.sink(stream.source)
  } catch (err) {
    stream.abort(err)
  }
}, { maxInboundStreams: 1024 })

await node.handle(SINK, async ({ stream }) => {
  try {
    let count = 0n
    for await (const chunk of stream.source) {
      count += BigInt(chunk.byteLength)
    }
    const answer = new Uint8Array(8)
    new DataView(answer.buffer).setBigUint64(0, count)
    await stream.sink([answer])
  } catch (err) {
    stream.abort(err)
  }
}, { maxInboundStreams: 1024 })

node.addEventListener('peer:connect', event => write({ event: 'peer.connect', peer: event.detail.toString() }))
node.addEventListener('peer:disconnect', event => write({ event: 'peer.disconnect', peer: event.detail.toString() }))
// An armed bench.gossipExpect: { topic, count, received, firstMs }.
let gossipBench = null
const wallMs = () => performance.timeOrigin + performance.now()

node.services.pubsub.addEventListener('message', event => {
  const message = event.detail
  if (gossipBench != null && message.topic === gossipBench.topic) {
    const now = wallMs()
    if (gossipBench.received++ === 0) {
      gossipBench.firstMs = now
    }
    if (gossipBench.received === gossipBench.count) {
      write({ event: 'bench.gossip', topic: gossipBench.topic, count: gossipBench.count, firstMs: gossipBench.firstMs, lastMs: now })
      gossipBench = null
    }
    return
  }
  write({
    event: 'gossip.message',
    topic: message.topic,
    from: message.type === 'signed' ? message.from.toString() : null,
    dataHex: hex(message.data)
  })
})

async function target (request) {
  if (request.addr != null) {
    return multiaddr(request.addr)
  }
  return peerIdFromString(request.peer)
}

async function benchSend (request) {
  const chunkSize = request.chunk ?? 65536
  const total = request.bytes
  const chunk = new Uint8Array(chunkSize).fill(7)
  const started = performance.now()
  const stream = await node.dialProtocol(multiaddr(request.addr), SINK)
  async function * source () {
    let left = total
    while (left > 0) {
      const size = Math.min(left, chunkSize)
      yield size === chunkSize ? chunk : chunk.subarray(0, size)
      left -= size
    }
  }
  await stream.sink(source())
  let received = 0n
  for await (const piece of stream.source) {
    const bytes = piece.subarray()
    received = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(0)
  }
  return { bytes: Number(received), ms: performance.now() - started }
}

let benchCounter = 0

async function benchGossipPublish (request) {
  const { topic, count } = request
  const size = request.size ?? 256
  if (!(size >= 4)) {
    throw new Error('size must be at least 4 bytes')
  }
  const startMs = wallMs()
  for (let i = 0; i < count; i++) {
    const data = new Uint8Array(size)
    new DataView(data.buffer).setUint32(0, ++benchCounter)
    await node.services.pubsub.publish(topic, data)
  }
  return { count, startMs, ms: wallMs() - startMs }
}

const commands = {
  async dial (request) {
    const connection = await node.dial(multiaddr(request.addr))
    return { peer: connection.remotePeer.toString(), remoteAddr: connection.remoteAddr.toString() }
  },
  async hangup (request) {
    await node.hangUp(peerIdFromString(request.peer))
    return {}
  },
  async peers () {
    return { peers: node.getPeers().map(peer => peer.toString()) }
  },
  async ping (request) {
    return { rttMs: await node.services.ping.ping(await target(request)) }
  },
  async identify (request) {
    const peer = peerIdFromString(request.peer)
    const connection = node.getConnections(peer)[0]
    if (connection == null) {
      throw new Error(`not connected to ${request.peer}`)
    }
    const result = await node.services.identify.identify(connection)
    return {
      peer: result.peerId.toString(),
      protocols: result.protocols,
      listenAddrs: result.listenAddrs.map(address => address.toString()),
      observedAddr: result.observedAddr?.toString() ?? null,
      agentVersion: result.agentVersion ?? null,
      protocolVersion: result.protocolVersion ?? null,
      publicKey: result.publicKey == null ? null : hex(result.publicKey)
    }
  },
  async 'kad.findNode' (request) {
    const info = await node.peerRouting.findPeer(peerIdFromString(request.peer))
    return { peer: info.id.toString(), addrs: info.multiaddrs.map(address => address.toString()) }
  },
  async 'kad.closest' (request) {
    const peers = []
    for await (const event of node.services.dht.getClosestPeers(fromHex(request.keyHex))) {
      if (event.name === 'FINAL_PEER') {
        peers.push(event.peer.id.toString())
      }
    }
    return { peers }
  },
  async 'kad.put' (request) {
    let events = 0
    for await (const event of node.services.dht.put(new TextEncoder().encode(request.key), fromHex(request.valueHex))) {
      if (event.name === 'PEER_RESPONSE') {
        events++
      }
    }
    return { events }
  },
  async 'kad.get' (request) {
    for await (const event of node.services.dht.get(new TextEncoder().encode(request.key))) {
      if (event.name === 'VALUE') {
        return { valueHex: hex(event.value), from: event.from.toString() }
      }
    }
    throw new Error(`no value for ${request.key}`)
  },
  async 'kad.addPeer' (request) {
    const address = multiaddr(request.addr)
    const peer = peerIdFromString(address.getPeerId())
    await node.peerStore.merge(peer, { multiaddrs: [address.decapsulateCode(421)] })
    await node.services.dht.routingTable.add(peer)
    return {}
  },
  async 'gossip.subscribe' (request) {
    node.services.pubsub.subscribe(request.topic)
    return {}
  },
  async 'gossip.unsubscribe' (request) {
    node.services.pubsub.unsubscribe(request.topic)
    return {}
  },
  async 'gossip.publish' (request) {
    const result = await node.services.pubsub.publish(request.topic, fromHex(request.dataHex))
    return { recipients: result.recipients.map(peer => peer.toString()) }
  },
  async 'gossip.peers' (request) {
    return { peers: node.services.pubsub.getSubscribers(request.topic).map(peer => peer.toString()) }
  },
  'bench.send': benchSend,
  async 'bench.gossipExpect' (request) {
    if (gossipBench != null) {
      throw new Error('a bench.gossipExpect is already armed')
    }
    if (!(request.count >= 1)) {
      throw new Error('count must be at least 1')
    }
    gossipBench = { topic: request.topic, count: request.count, received: 0, firstMs: 0 }
    return {}
  },
  'bench.gossipPublish': benchGossipPublish,
  async stop () {
    return {}
  },

  // --- Transport helper block: signed peer records (RFC 0002 envelopes, RFC 0003 records, as js-libp2p seals them).
  // @libp2p/peer-record comes with libp2p (it is in the lockfile), so it is imported only when these commands run.
  //   {"cmd":"record.seal","addrs":["/ip4/…"],"seq":"n"} -> {"envelopeHex":"…","payloadHex":"…"} (signed by this node)
  //   {"cmd":"record.open","envelopeHex":"…"}            -> {"peer","signer","seq","addrs","payloadTypeHex"}
  async 'record.seal' (request) {
    const { PeerRecord, RecordEnvelope } = await import('@libp2p/peer-record')
    const record = new PeerRecord({ peerId: node.peerId, multiaddrs: request.addrs.map(a => multiaddr(a)), seqNumber: BigInt(request.seq) })
    const envelope = await RecordEnvelope.seal(record, privateKey)
    return { envelopeHex: hex(envelope.marshal()), payloadHex: hex(record.marshal()) }
  },
  async 'record.open' (request) {
    const { PeerRecord, RecordEnvelope } = await import('@libp2p/peer-record')
    const { peerIdFromPublicKey } = await import('@libp2p/peer-id')
    const envelope = await RecordEnvelope.openAndCertify(fromHex(request.envelopeHex), PeerRecord.DOMAIN)
    const record = PeerRecord.createFromProtobuf(envelope.payload)
    return {
      peer: record.peerId.toString(),
      signer: peerIdFromPublicKey(envelope.publicKey).toString(),
      seq: record.seqNumber.toString(),
      addrs: record.multiaddrs.map(address => address.toString()),
      payloadTypeHex: hex(envelope.payloadType)
    }
  }
}

write({
  event: 'ready',
  peerId: node.peerId.toString(),
  publicKey: hex(publicKeyToProtobuf(privateKey.publicKey)),
  addrs: node.getMultiaddrs().map(address => address.toString()),
  protocols: node.getProtocols()
})

const lines = createInterface({ input: process.stdin })
lines.on('line', async line => {
  let request
  try {
    request = JSON.parse(line)
  } catch {
    write({ ok: false, error: `not JSON: ${line}` })
    return
  }
  const handler = commands[request.cmd]
  try {
    if (handler == null) {
      throw new Error(`unknown command ${request.cmd}`)
    }
    const result = await handler(request)
    write({ id: request.id ?? null, ok: true, ...result })
    if (request.cmd === 'stop') {
      await node.stop()
      process.exit(0)
    }
  } catch (err) {
    write({ id: request.id ?? null, ok: false, error: String(err?.message ?? err) })
  }
})
lines.on('close', async () => {
  await node.stop()
  process.exit(0)
})
