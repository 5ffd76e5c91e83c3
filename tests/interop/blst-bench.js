// The blst side of benchmarks/Harmony.Benchmarks/Bls12381/BlstReferenceBenchmarks: runs one operation of the IETF POP
// suite (supranational's blst through @chainsafe/blst) a given number of times per request, so BenchmarkDotNet times
// blst and the C# implementation in the same run. The inputs mirror BlsSignatureBenchmarks.
// Protocol: one JSON object per line on stdin, { op, iterations }; one line back, { ok, op } or { ok: false, error }.
// Prints { ready: true } first.
'use strict';

const blst = require('@chainsafe/blst');
const readline = require('readline');

const count = 100;
const message = Buffer.alloc(32, 0x5a);
const secretKey = blst.SecretKey.fromKeygen(Buffer.alloc(32));
const publicKey = secretKey.toPublicKey();
const signature = secretKey.sign(message);
const keys = [];
const messages = [];
const sameMessage = [];
const distinct = [];
const sets = [];
for (let i = 0; i < count; i++) {
  const ikm = Buffer.alloc(32);
  ikm[0] = i;
  ikm[1] = 1;
  const key = blst.SecretKey.fromKeygen(ikm);
  const pk = key.toPublicKey();
  const m = Buffer.alloc(32);
  m[0] = i;
  keys.push(pk);
  messages.push(m);
  sameMessage.push(key.sign(message));
  const sig = key.sign(m);
  distinct.push(sig);
  sets.push({ msg: m, pk, sig });
}
const sameAggregate = blst.aggregateSignatures(sameMessage, false);
const distinctAggregate = blst.aggregateSignatures(distinct, false);

// Keys and signatures are decoded (and checked) once, as on the C# side, so each operation times the signature work.
const operations = {
  SkToPk: () => secretKey.toPublicKey(),
  Sign: () => secretKey.sign(message),
  Verify: () => blst.verify(message, publicKey, signature, false, false),
  FastAggregateVerify100: () => blst.fastAggregateVerify(message, keys, sameAggregate, false),
  AggregateVerify100: () => blst.aggregateVerify(messages, keys, distinctAggregate, false, false),
  BatchVerify100: () => blst.verifyMultipleAggregateSignatures(sets, false, false),
};

for (const [name, run] of Object.entries(operations)) {
  if (name.includes('Verify') && run() !== true) {
    throw new Error(`${name} rejected a valid input`);
  }
}

process.stdout.write(JSON.stringify({ ready: true }) + '\n');
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  let answer;
  try {
    const { op, iterations } = JSON.parse(line);
    const run = operations[op];
    if (!run) {
      throw new Error(`unknown operation '${op}'`);
    }
    for (let i = 0; i < iterations; i++) {
      run();
    }
    answer = { ok: true, op };
  } catch (err) {
    answer = { ok: false, error: String(err && err.message ? err.message : err) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
});
