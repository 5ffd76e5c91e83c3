using System.Globalization;
using System.Numerics;
using System.Text;
using Harmony.Crypto;
using Harmony.Crypto.Accounts;
using Harmony.Crypto.Hashing;
using Harmony.Crypto.Secp256k1;
using Harmony.Crypto.Transactions;

// Accounts and transactions end to end: derive accounts from a seed, have each sign a cross-shard transfer
// (Harmony format) and an Ethereum-format transfer, send them through their raw encoding, and check that every
// receiver decodes the same fields, the same hash and the same sender — and that a tampered copy is refused.
//   dotnet run --project samples/Harmony.Accounts -c Release -- [--accounts N] [--seed TEXT] [--network mainnet|testnet|localnet]
int accounts = 4;
string seed = "harmony-sdk-demo";
HarmonyNetwork network = HarmonyNetwork.Localnet;
for (int i = 0; i < args.Length - 1; i += 2)
{
    switch (args[i])
    {
        case "--accounts": accounts = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--seed": seed = args[i + 1]; break;
        case "--network": network = Enum.Parse<HarmonyNetwork>(args[i + 1], ignoreCase: true); break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

if (accounts < 2)
{
    Console.Error.WriteLine("--accounts must be at least 2");
    return 2;
}

var keys = new List<Secp256k1PrivateKey>();
var addresses = new List<Address>();
for (int i = 0; i < accounts; i++)
{
    // A demo derivation: Keccak-256(seed ‖ index). Real wallets use BIP-32/39; never reuse this for real funds.
    byte[] secret = Keccak256.HashData(Encoding.UTF8.GetBytes($"{seed}/{i}"));
    keys.Add(Secp256k1PrivateKey.FromBytes(secret));
    Array.Clear(secret);
    addresses.Add(Address.FromUncompressedPublicKey(keys[i].PublicKey.ToUncompressed()));
    Console.WriteLine($"account {i}: {addresses[i]}  {addresses[i]:X}");
}

int failures = 0;
ulong harmonyChain = ChainIds.ForHarmonyTransactions(network);
for (int i = 0; i < accounts; i++)
{
    int next = (i + 1) % accounts;
    var transfer = new HarmonyTransaction
    {
        Nonce = (ulong)i,
        GasPrice = 100_000_000_000,
        GasLimit = 21_000,
        ShardId = (uint)(i % 2),
        ToShardId = (uint)(next % 2),
        To = addresses[next],
        Value = BigInteger.Pow(10, 18) * (i + 1),
    };
    byte[] raw = transfer.Sign(keys[i], harmonyChain).Encode();
    var received = HarmonyTransaction.Decode(raw);
    bool ok = received.RecoverSender(harmonyChain) == addresses[i] && received.To == addresses[next] && received.Value == transfer.Value;
    failures += ok ? 0 : 1;
    Console.WriteLine($"harmony  {i}->{next} shard {received.ShardId}->{received.ToShardId} {raw.Length,4} B  hash 0x{Convert.ToHexStringLower(received.GetHash())}  {(ok ? "ok" : "MISMATCH")}");

    ulong ethereumChain = ChainIds.ForEthereumTransactions(network, (uint)(i % 2));
    var ethTransfer = new EthereumTransaction { Nonce = (ulong)i, GasPrice = 100_000_000_000, GasLimit = 21_000, To = addresses[next], Value = transfer.Value };
    byte[] ethRaw = ethTransfer.Sign(keys[i], ethereumChain).Encode();
    var ethReceived = EthereumTransaction.Decode(ethRaw);
    bool ethOk = ethReceived.RecoverSender(ethereumChain) == addresses[i];
    failures += ethOk ? 0 : 1;
    Console.WriteLine($"ethereum {i}->{next} chain {ethereumChain} {ethRaw.Length,4} B  hash 0x{Convert.ToHexStringLower(ethReceived.GetHash())}  {(ethOk ? "ok" : "MISMATCH")}");

    // A copy with one changed byte in the value must not pass as the same sender's transfer.
    byte[] tampered = (byte[])raw.Clone();
    tampered[raw.Length - 70] ^= 0x01;
    bool refused = !HarmonyTransaction.TryDecode(tampered, out var forged, out _)
                   || !forged.TryRecoverSender(out Address who, out _, harmonyChain)
                   || who != addresses[i];
    failures += refused ? 0 : 1;
    Console.WriteLine($"tampered {i}->{next} {(refused ? "refused" : "ACCEPTED")}");
}

foreach (var key in keys)
{
    key.Dispose();
}

Console.WriteLine(failures == 0 ? $"all {accounts * 3} checks passed" : $"{failures} check(s) failed");
return failures == 0 ? 0 : 1;
