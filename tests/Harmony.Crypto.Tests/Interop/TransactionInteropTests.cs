using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Harmony.Crypto.Accounts;
using Harmony.Crypto.Secp256k1;
using Harmony.Crypto.Transactions;

namespace Harmony.Crypto.Tests.Interop;

/// <summary>
/// Transactions signed by ethers 6 and @harmony-js/core decode and recover in C#, and transactions signed in C#
/// are parsed and recovered by both clients. Both sides use RFC 6979 nonces, so the raw bytes must agree too.
/// </summary>
public class TransactionInteropTests
{
    private const int CasesPerClient = 6;

    [SkippableFact]
    public void Ethers_signed_transactions_decode_and_recover_in_csharp()
    {
        var cases = EthereumCases().ToList();
        JsonArray answers = JsClients.Run("sign", new JsonArray([.. cases.Select(c => (JsonNode)c.Request("ethers"))]));
        for (int i = 0; i < cases.Count; i++)
        {
            var (expected, key, chainId) = cases[i].Ethereum;
            JsonNode answer = answers[i]!;
            byte[] raw = Hex(answer["raw"]);
            var decoded = EthereumTransaction.Decode(raw);
            AssertReadsJsSignedTransaction(decoded, expected, expected.Sign(key, chainId), key, chainId, answer, raw);
        }
    }

    [SkippableFact]
    public void Harmony_js_signed_transactions_decode_and_recover_in_csharp()
    {
        var cases = HarmonyCases().ToList();
        JsonArray answers = JsClients.Run("sign", new JsonArray([.. cases.Select(c => (JsonNode)c.Request("harmony-js"))]));
        for (int i = 0; i < cases.Count; i++)
        {
            var (expected, key, chainId) = cases[i].Harmony;
            JsonNode answer = answers[i]!;
            byte[] raw = Hex(answer["raw"]);
            var decoded = HarmonyTransaction.Decode(raw);
            AssertReadsJsSignedTransaction(decoded, expected, expected.Sign(key, chainId), key, chainId, answer, raw);
            decoded.ShardId.ShouldBe(expected.ShardId);
            decoded.ToShardId.ShouldBe(expected.ToShardId);
        }
    }

    [SkippableFact]
    public void Csharp_signed_ethereum_transactions_are_accepted_by_ethers()
    {
        var cases = EthereumCases().ToList();
        var signed = cases.Select(c => c.Ethereum.Tx.Sign(c.Ethereum.Key, c.Ethereum.ChainId)).ToList();
        JsonArray answers = JsClients.Run("recover", new JsonArray([.. signed.Select(t => (JsonNode)RecoverRequest("ethers", t))]));
        for (int i = 0; i < cases.Count; i++)
        {
            JsonNode answer = answers[i]!;
            Address.Parse((string)answer["from"]!).ShouldBe(AddressOf(cases[i].Ethereum.Key));
            Hex(answer["hash"]).ShouldBe(signed[i].GetHash());
            AssertAnswerFields(answer, signed[i], cases[i].Ethereum.ChainId);
        }
    }

    [SkippableFact]
    public void Csharp_signed_harmony_transactions_are_accepted_by_harmony_js()
    {
        var cases = HarmonyCases().ToList();
        var signed = cases.Select(c => c.Harmony.Tx.Sign(c.Harmony.Key, c.Harmony.ChainId)).ToList();
        JsonArray answers = JsClients.Run("recover", new JsonArray([.. signed.Select(t => (JsonNode)RecoverRequest("harmony-js", t))]));
        for (int i = 0; i < cases.Count; i++)
        {
            JsonNode answer = answers[i]!;
            Address.Parse((string)answer["from"]!).ShouldBe(AddressOf(cases[i].Harmony.Key));
            Hex(answer["hash"]).ShouldBe(signed[i].GetHash());
            AssertAnswerFields(answer, signed[i], cases[i].Harmony.ChainId);
            ((string)answer["shardId"]!).ShouldBe(signed[i].ShardId.ToString(CultureInfo.InvariantCulture));
            ((string)answer["toShardId"]!).ShouldBe(signed[i].ToShardId.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static IEnumerable<Case> EthereumCases()
    {
        var random = new Random(155);
        for (int i = 0; i < CasesPerClient; i++)
        {
            var network = i % 2 == 0 ? HarmonyNetwork.Mainnet : HarmonyNetwork.Testnet;
            yield return Case.Random(random, ChainIds.ForEthereumTransactions(network, (uint)(i % 4)), withShards: false, contractCreation: i == 3);
        }
    }

    private static IEnumerable<Case> HarmonyCases()
    {
        var random = new Random(1666);
        for (int i = 0; i < CasesPerClient; i++)
        {
            yield return Case.Random(random, i % 2 == 0 ? ChainIds.Mainnet : ChainIds.Testnet, withShards: true, contractCreation: false);
        }
    }

    private static JsonObject RecoverRequest(string client, Transaction tx) => new()
    {
        ["client"] = client,
        ["raw"] = "0x" + Convert.ToHexStringLower(tx.Encode()),
    };

    /// <summary>What C# must see in a transaction a JavaScript client signed: its fields, signer, hash and bytes.</summary>
    private static void AssertReadsJsSignedTransaction(
        Transaction decoded, Transaction expected, Transaction signedInCsharp, Secp256k1PrivateKey key, ulong chainId, JsonNode answer, byte[] raw)
    {
        AssertSameFields(decoded, expected);
        decoded.Signature!.Value.ChainId.ShouldBe(chainId);
        decoded.RecoverSender(chainId).ShouldBe(Address.Parse((string)answer["from"]!));
        decoded.RecoverSender().ShouldBe(AddressOf(key));
        decoded.GetHash().ShouldBe(Hex(answer["hash"]));
        decoded.Encode().ShouldBe(raw);
        signedInCsharp.Encode().ShouldBe(raw, "RFC 6979 signatures are deterministic on both sides");
    }

    private static void AssertSameFields(Transaction actual, Transaction expected)
    {
        actual.Nonce.ShouldBe(expected.Nonce);
        actual.GasPrice.ShouldBe(expected.GasPrice);
        actual.GasLimit.ShouldBe(expected.GasLimit);
        actual.To.ShouldBe(expected.To);
        actual.Value.ShouldBe(expected.Value);
        actual.Data.ToArray().ShouldBe(expected.Data.ToArray());
    }

    private static void AssertAnswerFields(JsonNode answer, Transaction tx, ulong chainId)
    {
        ((string)answer["chainId"]!).ShouldBe(chainId.ToString(CultureInfo.InvariantCulture));
        ((string)answer["nonce"]!).ShouldBe(tx.Nonce.ToString(CultureInfo.InvariantCulture));
        ((string)answer["gasPrice"]!).ShouldBe(tx.GasPrice.ToString(CultureInfo.InvariantCulture));
        ((string)answer["gasLimit"]!).ShouldBe(tx.GasLimit.ToString(CultureInfo.InvariantCulture));
        ((string)answer["value"]!).ShouldBe(tx.Value.ToString(CultureInfo.InvariantCulture));
        Hex(answer["data"]).ShouldBe(tx.Data.ToArray());
        string? to = (string?)answer["to"];
        (to is null ? (Address?)null : Address.Parse(to)).ShouldBe(tx.To);
    }

    private static Address AddressOf(Secp256k1PrivateKey key) => Address.FromUncompressedPublicKey(key.PublicKey.ToUncompressed());

    private static byte[] Hex(JsonNode? node) => Convert.FromHexString(((string)node!)[2..]);

    private sealed record Case(Secp256k1PrivateKey Key, ulong ChainId, ulong Nonce, BigInteger GasPrice, ulong GasLimit, Address? To, BigInteger Value, byte[] Data, uint ShardId, uint ToShardId)
    {
        public (EthereumTransaction Tx, Secp256k1PrivateKey Key, ulong ChainId) Ethereum =>
            (new EthereumTransaction { Nonce = Nonce, GasPrice = GasPrice, GasLimit = GasLimit, To = To, Value = Value, Data = Data }, Key, ChainId);

        public (HarmonyTransaction Tx, Secp256k1PrivateKey Key, ulong ChainId) Harmony =>
            (new HarmonyTransaction { Nonce = Nonce, GasPrice = GasPrice, GasLimit = GasLimit, ShardId = ShardId, ToShardId = ToShardId, To = To, Value = Value, Data = Data }, Key, ChainId);

        public static Case Random(Random random, ulong chainId, bool withShards, bool contractCreation)
        {
            byte[] secret = new byte[32];
            random.NextBytes(secret);
            secret[0] &= 0x7f;
            byte[] to = new byte[20];
            random.NextBytes(to);
            byte[] data = new byte[random.Next(0, 3) * random.Next(1, 90)];
            random.NextBytes(data);
            byte[] value = new byte[random.Next(1, 26)];
            random.NextBytes(value);
            return new Case(
                Secp256k1PrivateKey.FromBytes(secret),
                chainId,
                (ulong)random.Next(0, 100_000),
                new BigInteger(random.Next(1, 1_000)) * 1_000_000_000,
                (ulong)random.Next(21_000, 10_000_000),
                contractCreation ? null : new Address(to),
                new BigInteger(value, isUnsigned: true, isBigEndian: true),
                data,
                withShards ? (uint)random.Next(0, 4) : 0,
                withShards ? (uint)random.Next(0, 4) : 0);
        }

        public JsonObject Request(string client)
        {
            byte[] secret = new byte[32];
            Key.WriteSecret(secret);
            var request = new JsonObject
            {
                ["client"] = client,
                ["privateKey"] = "0x" + Convert.ToHexStringLower(secret),
                ["chainId"] = ChainId.ToString(CultureInfo.InvariantCulture),
                ["nonce"] = Nonce.ToString(CultureInfo.InvariantCulture),
                ["gasPrice"] = GasPrice.ToString(CultureInfo.InvariantCulture),
                ["gasLimit"] = GasLimit.ToString(CultureInfo.InvariantCulture),
                ["to"] = To is { } to ? (client == "harmony-js" ? to.ToBech32() : to.ToChecksumHex()) : null,
                ["value"] = Value.ToString(CultureInfo.InvariantCulture),
                ["data"] = "0x" + Convert.ToHexStringLower(Data),
            };
            if (client == "harmony-js")
            {
                request["shardId"] = ShardId.ToString(CultureInfo.InvariantCulture);
                request["toShardId"] = ToShardId.ToString(CultureInfo.InvariantCulture);
            }

            return request;
        }
    }
}
