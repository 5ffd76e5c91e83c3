using System.Numerics;
using Harmony.Crypto.Accounts;
using Harmony.Crypto.Secp256k1;
using Harmony.Crypto.Transactions;

namespace Harmony.Crypto.Tests.Transactions;

public class TransactionTests
{
    // EIP-155's worked example: key 0x46…46, nonce 9, 20 gwei, 21000 gas, to 0x35…35, 1 ether, chain 1.
    private const string Eip155SigningPayload = "ec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080";
    private const string Eip155SigningHash = "daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53";
    private const string Eip155SignedTransaction =
        "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

    // Signed by @harmony-js/core 0.1.58 with the test key 0x45a9…f2d8: nonce 5, 1 gwei, 21000 gas, shard 0 → 1,
    // to one1gh043…, 1 ONE, chain 1.
    private const string HarmonyJsSignedTransaction =
        "f86d05843b9aca0082520880019445df588b05a675b5f16e253aa15d90333df9fedf880de0b6b3a76400008025a06b77ecf4eff5127b971c1aa86b51a826fed750c00ac833dedaa739d3cd5bcd29a0381f41eb876808c013c47d61eae523f6a476a68ff2b658aa84feec96644696e8";

    private const string HarmonyJsTransactionHash = "b1b555bab87023f9ec08e4ce2a2fd7087fd81d16d6f28c82c97f74b0bf1a42c6";

    [Fact]
    public void Eip155_example_reproduces_byte_for_byte()
    {
        using var key = Secp256k1PrivateKey.FromBytes(Enumerable.Repeat((byte)0x46, 32).ToArray());
        var tx = new EthereumTransaction
        {
            Nonce = 9,
            GasPrice = 20_000_000_000,
            GasLimit = 21_000,
            To = new Address(Enumerable.Repeat((byte)0x35, 20).ToArray()),
            Value = BigInteger.Pow(10, 18),
        };

        Keccak256Of(Eip155SigningPayload).ShouldBe(Eip155SigningHash);
        Convert.ToHexStringLower(tx.GetSigningHash(1)).ShouldBe(Eip155SigningHash);
        var signed = tx.Sign(key, ChainIds.Mainnet);
        Convert.ToHexStringLower(signed.Encode()).ShouldBe(Eip155SignedTransaction);
        signed.Signature!.Value.V.ShouldBe(37UL);

        var decoded = EthereumTransaction.Decode(Convert.FromHexString(Eip155SignedTransaction));
        decoded.RecoverSender(1).ShouldBe(Address.Parse("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"));
    }

    [Fact]
    public void Harmony_js_transaction_decodes_to_its_fields_sender_and_hash()
    {
        byte[] raw = Convert.FromHexString(HarmonyJsSignedTransaction);
        var tx = HarmonyTransaction.Decode(raw);
        tx.Nonce.ShouldBe(5UL);
        tx.GasPrice.ShouldBe(new BigInteger(1_000_000_000));
        tx.GasLimit.ShouldBe(21_000UL);
        (tx.ShardId, tx.ToShardId).ShouldBe((0U, 1U));
        tx.To.ShouldBe(Address.Parse("one1gh043zc95e6mtutwy5a2zhvsxv7lnlklkj42ux"));
        tx.Value.ShouldBe(BigInteger.Pow(10, 18));
        tx.Signature!.Value.ChainId.ShouldBe(1UL);
        tx.RecoverSender(ChainIds.Mainnet).ShouldBe(Address.Parse("one14984xa8uuhkmer32s6tuz5e3valxa0cta4tzqy"));
        Convert.ToHexStringLower(tx.GetHash()).ShouldBe(HarmonyJsTransactionHash);
        tx.Encode().ShouldBe(raw);

        using var key = Secp256k1PrivateKey.FromBytes(Convert.FromHexString("45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8"));
        tx.WithSignature(null).Sign(key, ChainIds.Mainnet).Encode().ShouldBe(raw);
    }

    [Fact]
    public void Random_transactions_round_trip_and_recover_their_signer()
    {
        var random = new Random(6979);
        for (int i = 0; i < 200; i++)
        {
            byte[] secret = new byte[32];
            random.NextBytes(secret);
            secret[0] = (byte)(secret[0] % 0xF0);
            using var key = Secp256k1PrivateKey.FromBytes(secret);
            var sender = Address.FromUncompressedPublicKey(key.PublicKey.ToUncompressed());
            byte[] data = new byte[random.Next(0, 200)];
            random.NextBytes(data);
            byte[] value = new byte[random.Next(0, 33)];
            random.NextBytes(value);
            ulong chainId = (ulong)random.NextInt64(1, 5_000_000_000);
            var tx = new HarmonyTransaction
            {
                Nonce = (ulong)random.NextInt64(),
                GasPrice = new BigInteger(value.AsSpan(0, Math.Min(4, value.Length)), isUnsigned: true),
                GasLimit = (ulong)random.NextInt64(),
                ShardId = (uint)random.Next(),
                ToShardId = (uint)random.Next(),
                To = i % 10 == 0 ? null : new Address(secret.AsSpan(0, 20)),
                Value = new BigInteger(value, isUnsigned: true, isBigEndian: true),
                Data = data,
            };
            var signed = tx.Sign(key, chainId);
            byte[] raw = signed.Encode();
            var decoded = HarmonyTransaction.Decode(raw);
            decoded.Encode().ShouldBe(raw);
            decoded.GetHash().ShouldBe(signed.GetHash());
            decoded.To.ShouldBe(tx.To);
            decoded.RecoverSender(chainId).ShouldBe(sender);
            decoded.Signature!.Value.Ecdsa.IsLowS.ShouldBeTrue();
        }
    }

    [Fact]
    public void Unsigned_transactions_encode_zero_signature_and_have_no_sender()
    {
        var tx = new HarmonyTransaction { Nonce = 1, GasLimit = 21_000 };
        byte[] raw = tx.Encode();
        raw[^3..].ShouldBe(new byte[] { 0x80, 0x80, 0x80 });
        var decoded = HarmonyTransaction.Decode(raw);
        decoded.Signature.ShouldBeNull();
        decoded.TryRecoverSender(out _, out string? error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("not signed");
    }

    [Fact]
    public void A_signature_for_another_chain_is_refused()
    {
        byte[] raw = Convert.FromHexString(HarmonyJsSignedTransaction);
        var tx = HarmonyTransaction.Decode(raw);
        tx.TryRecoverSender(out _, out string? error, ChainIds.Testnet).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("chain 1");
    }

    [Fact]
    public void A_malleated_high_s_copy_is_refused()
    {
        var tx = HarmonyTransaction.Decode(Convert.FromHexString(HarmonyJsSignedTransaction));
        var signature = tx.Signature!.Value;
        EcdsaSignature highS = Negate(signature.Ecdsa);
        highS.IsLowS.ShouldBeFalse();
        Span<byte> r = stackalloc byte[32];
        Span<byte> s = stackalloc byte[32];
        highS.WriteR(r);
        highS.WriteS(s);
        TransactionSignature.TryCreate(35 + 2 + (ulong)highS.RecoveryId, r, s, out var malleated, out _).ShouldBeTrue();
        var copy = tx.WithSignature(malleated);
        copy.TryRecoverSender(out _, out string? error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("upper half");
    }

    [Theory]
    [InlineData("f86d05843b9aca0082520880019445df588b05a675b5f16e253aa15d90333df9fedf880de0b6b3a76400008025a06b77ecf4eff5127b971c1aa86b51a826fed750c00ac833dedaa739d3cd5bcd29a0381f41eb876808c013c47d61eae523f6a476a68ff2b658aa84feec96644696e800", "Trailing")]
    [InlineData("c0", "")]
    [InlineData("c50102030405", "")]
    [InlineData("f86c05843b9aca0082520880019345df588b05a675b5f16e253aa15d90333df9fe880de0b6b3a76400008025a06b77ecf4eff5127b971c1aa86b51a826fed750c00ac833dedaa739d3cd5bcd29a0381f41eb876808c013c47d61eae523f6a476a68ff2b658aa84feec96644696e8", "recipient")]
    [InlineData("cb8080808080808080800180", "")]
    public void Malformed_transactions_are_refused_with_a_reason(string hex, string reason)
    {
        HarmonyTransaction.TryDecode(Convert.FromHexString(hex), out _, out string? error).ShouldBeFalse();
        error.ShouldNotBeNullOrWhiteSpace();
        error.ShouldContain(reason, Case.Insensitive);
        Should.Throw<FormatException>(() => HarmonyTransaction.Decode(Convert.FromHexString(hex)));
    }

    [Fact]
    public void Leading_zeros_in_r_or_ten_fields_are_not_canonical()
    {
        // Re-encode the harmony-js transaction's fields by hand with a 33-byte r (a leading zero), and with s dropped.
        var tx = HarmonyTransaction.Decode(Convert.FromHexString(HarmonyJsSignedTransaction));
        byte[] r = new byte[33];
        byte[] s = new byte[32];
        tx.Signature!.Value.WriteR(r.AsSpan(1));
        tx.Signature!.Value.WriteS(s);
        byte[] head = Convert.FromHexString("05843b9aca0082520880019445df588b05a675b5f16e253aa15d90333df9fedf880de0b6b3a76400008025");
        byte[] withZero = [.. head, 0xa1, .. r, 0xa0, .. s];
        byte[] tenFields = [.. head, 0xa0, .. r.AsSpan(1)];
        HarmonyTransaction.TryDecode([0xf8, (byte)withZero.Length, .. withZero], out _, out string? error).ShouldBeFalse();
        error.ShouldNotBeNull().ShouldContain("leading zero");
        HarmonyTransaction.TryDecode([0xf8, (byte)tenFields.Length, .. tenFields], out _, out error).ShouldBeFalse();
        error.ShouldNotBeNull();
    }

    [Fact]
    public void Truncations_of_a_valid_transaction_never_throw_from_try_decode()
    {
        byte[] raw = Convert.FromHexString(HarmonyJsSignedTransaction);
        for (int length = 0; length < raw.Length; length++)
        {
            HarmonyTransaction.TryDecode(raw.AsSpan(0, length), out _, out string? error).ShouldBeFalse();
            error.ShouldNotBeNull();
        }

        var random = new Random(11);
        for (int i = 0; i < 500; i++)
        {
            byte[] mutated = (byte[])raw.Clone();
            mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            if (HarmonyTransaction.TryDecode(mutated, out var tx, out _))
            {
                tx.TryRecoverSender(out _, out _);
            }
        }
    }

    [Fact]
    public void Negative_or_oversized_amounts_cannot_be_encoded()
    {
        Should.Throw<InvalidOperationException>(() => new EthereumTransaction { Value = -1 }.Encode());
        Should.Throw<InvalidOperationException>(() => new EthereumTransaction { GasPrice = BigInteger.One << 256 }.Encode());
    }

    private static EcdsaSignature Negate(EcdsaSignature lowS)
    {
        // n − s flips s into the upper half; NormalizeS of a high-S signature gives the low one back.
        var n = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
        var s = new BigInteger(lowS.GetS(), isUnsigned: true, isBigEndian: true);
        byte[] high = (n - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        byte[] high32 = new byte[32];
        high.CopyTo(high32, 32 - high.Length);
        return new EcdsaSignature(lowS.GetR(), high32, lowS.RecoveryId ^ 1);
    }

    private static string Keccak256Of(string hex) => Convert.ToHexStringLower(Harmony.Crypto.Hashing.Keccak256.HashData(Convert.FromHexString(hex)));
}
