// Drives real JavaScript clients for the C# interop tests (tests/Harmony.Crypto.Tests/Interop).
// Usage: node client.js <sign|recover|keyfile-encrypt|keyfile-decrypt>   with a JSON array of requests on stdin and a JSON array of answers
// (same order) on stdout.
//   sign:    { client: "ethers" | "harmony-js", privateKey, chainId, nonce, gasPrice, gasLimit, to, value, data,
//              shardId?, toShardId? }   ->  { raw, hash, from }
//   recover: { client, raw }            ->  { from, hash, chainId, nonce, gasPrice, gasLimit, to, value, data,
//                                             shardId?, toShardId? }
//   keyfile-encrypt: { client: "node-crypto", passphrase, nonce (hex), secretKeyLittleEndian (64 hex chars) } -> { file }
//   keyfile-decrypt: { client: "node-crypto", passphrase, file (hex) } -> { secretKeyLittleEndian }
//   bls-sign:   { client: "blst", ikm, message }                       -> { secretKey, publicKey, signature }
//   bls-verify: { client: "blst", publicKey, message, signature }      -> { valid }
//   bls-fast-aggregate-verify: { client: "blst", publicKeys, message, signature } -> { valid }
//   bls-aggregate-verify:      { client: "blst", publicKeys, messages, signature } -> { valid }
//   bls-aggregate:             { client: "blst", signatures }          -> { signature }
//   (blst is supranational's native library through @chainsafe/blst; the IETF POP suite, keys and signatures
//   compressed; a key or signature blst refuses to decode makes a verification answer false.)
// Integers travel as decimal strings; bytes as 0x-prefixed hex; addresses as 0x hex.
'use strict';

const ethers = require('ethers');
const { Harmony } = require('@harmony-js/core');
const { ChainType } = require('@harmony-js/utils');
const harmonyCrypto = require('@harmony-js/crypto');
const blst = require('@chainsafe/blst');

function harmonyFor(chainId) {
  // No request leaves the process: the client is only used to build, sign and parse transactions.
  return new Harmony('http://127.0.0.1:9500', { chainType: ChainType.Harmony, chainId: Number(chainId) });
}

async function signWithEthers(req) {
  const wallet = new ethers.Wallet(req.privateKey);
  const raw = await wallet.signTransaction({
    type: 0,
    chainId: BigInt(req.chainId),
    nonce: Number(req.nonce),
    gasPrice: BigInt(req.gasPrice),
    gasLimit: BigInt(req.gasLimit),
    to: req.to,
    value: BigInt(req.value),
    data: req.data,
  });
  return { raw, hash: ethers.keccak256(raw), from: wallet.address };
}

async function signWithHarmony(req) {
  const hmy = harmonyFor(req.chainId);
  const account = hmy.wallet.addByPrivateKey(req.privateKey);
  const tx = hmy.transactions.newTx({
    nonce: Number(req.nonce),
    gasPrice: req.gasPrice,
    gasLimit: req.gasLimit,
    shardID: Number(req.shardId),
    toShardID: Number(req.toShardId),
    to: req.to === null ? '0x' : req.to.startsWith('0x') ? harmonyCrypto.toChecksumAddress(req.to) : req.to,
    value: req.value,
    data: req.data,
  });
  const signed = await account.signTransaction(tx, false);
  const raw = signed.getRawTransaction();
  return { raw, hash: harmonyCrypto.keccak256(raw), from: account.address };
}

function recoverWithEthers(req) {
  const tx = ethers.Transaction.from(req.raw);
  return {
    from: tx.from,
    hash: tx.hash,
    chainId: tx.chainId.toString(),
    nonce: tx.nonce.toString(),
    gasPrice: tx.gasPrice.toString(),
    gasLimit: tx.gasLimit.toString(),
    to: tx.to,
    value: tx.value.toString(),
    data: tx.data,
  };
}

function recoverWithHarmony(req) {
  const hmy = harmonyFor(1);
  const tx = hmy.transactions.recover(req.raw);
  const p = tx.txParams;
  return {
    from: p.from,
    hash: p.id,
    chainId: String(p.chainId),
    nonce: String(p.nonce),
    gasPrice: p.gasPrice.toString(),
    gasLimit: p.gasLimit.toString(),
    to: p.to === '0x' ? null : p.to,
    value: p.value.toString(),
    data: p.data,
    shardId: String(p.shardID),
    toShardId: String(p.toShardID),
  };
}

// Harmony's encrypted BLS key file (spec/harmony.md §3.6), written with Node's own crypto as an independent
// implementation: AES-256-GCM keyed by the ASCII of the lowercase hex MD5 of the trimmed passphrase; the plaintext is
// the ASCII hex of the little-endian secret key; the file is the hex of nonce(12) ‖ ciphertext ‖ tag(16).
const nodeCrypto = require('crypto');

function keyFileKey(passphrase) {
  return Buffer.from(nodeCrypto.createHash('md5').update(passphrase.trim(), 'utf8').digest('hex'), 'ascii');
}

function encryptKeyFile(req) {
  const nonce = Buffer.from(req.nonce, 'hex');
  const cipher = nodeCrypto.createCipheriv('aes-256-gcm', keyFileKey(req.passphrase), nonce);
  const body = Buffer.concat([cipher.update(Buffer.from(req.secretKeyLittleEndian, 'ascii')), cipher.final()]);
  return { file: Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('hex') };
}

function decryptKeyFile(req) {
  const raw = Buffer.from(req.file.trim(), 'hex');
  const decipher = nodeCrypto.createDecipheriv('aes-256-gcm', keyFileKey(req.passphrase), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
  return { secretKeyLittleEndian: plain.toString('ascii') };
}

function bytes(hex) {
  return Buffer.from(hex.replace(/^0x/, ''), 'hex');
}

function hex(data) {
  return '0x' + Buffer.from(data).toString('hex');
}

function blsSign(req) {
  const secretKey = blst.SecretKey.fromKeygen(bytes(req.ikm));
  return {
    secretKey: hex(secretKey.toBytes()),
    publicKey: hex(secretKey.toPublicKey().toBytes(true)),
    signature: hex(secretKey.sign(bytes(req.message)).toBytes(true)),
  };
}

// Decoding with validation (subgroup and infinity checks) as a verifier of untrusted input would; a refusal is an
// invalid signature, as in the IETF CoreVerify.
function verdict(check) {
  try {
    return { valid: check() };
  } catch (err) {
    return { valid: false };
  }
}

function blsVerify(req) {
  return verdict(() => blst.verify(bytes(req.message), blst.PublicKey.fromBytes(bytes(req.publicKey), true),
    blst.Signature.fromBytes(bytes(req.signature), true, true), true, true));
}

function blsFastAggregateVerify(req) {
  return verdict(() => blst.fastAggregateVerify(bytes(req.message),
    req.publicKeys.map((k) => blst.PublicKey.fromBytes(bytes(k), true)),
    blst.Signature.fromBytes(bytes(req.signature), true, true), true));
}

function blsAggregateVerify(req) {
  return verdict(() => blst.aggregateVerify(req.messages.map(bytes),
    req.publicKeys.map((k) => blst.PublicKey.fromBytes(bytes(k), true)),
    blst.Signature.fromBytes(bytes(req.signature), true, true), true, true));
}

function blsAggregate(req) {
  return { signature: hex(blst.aggregateSerializedSignatures(req.signatures.map(bytes), true).toBytes(true)) };
}

async function main() {
  const command = process.argv[2];
  const input = require('fs').readFileSync(0, 'utf8');
  const requests = JSON.parse(input);
  const handlers = {
    'sign:ethers': signWithEthers,
    'sign:harmony-js': signWithHarmony,
    'recover:ethers': recoverWithEthers,
    'recover:harmony-js': recoverWithHarmony,
    'keyfile-encrypt:node-crypto': encryptKeyFile,
    'keyfile-decrypt:node-crypto': decryptKeyFile,
    'bls-sign:blst': blsSign,
    'bls-verify:blst': blsVerify,
    'bls-fast-aggregate-verify:blst': blsFastAggregateVerify,
    'bls-aggregate-verify:blst': blsAggregateVerify,
    'bls-aggregate:blst': blsAggregate,
  };
  const answers = [];
  for (const req of requests) {
    const handler = handlers[`${command}:${req.client}`];
    if (!handler) {
      throw new Error(`unknown command '${command}' for client '${req.client}'`);
    }
    answers.push(await handler(req));
  }
  process.stdout.write(JSON.stringify(answers));
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err));
  process.exit(1);
});
