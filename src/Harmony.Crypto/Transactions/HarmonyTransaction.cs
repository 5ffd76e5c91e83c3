using System.Diagnostics.CodeAnalysis;
using Harmony.Crypto.Secp256k1;

namespace Harmony.Crypto.Transactions;

/// <summary>
/// Harmony's plain transaction, RLP <c>[nonce, gasPrice, gasLimit, shardID, toShardID, to, value, data, v, r, s]</c>.
/// A transfer whose <see cref="ToShardId"/> differs from <see cref="ShardId"/> is cross-shard. Signed for chain id
/// 1 (mainnet) or 2 (testnet): see <see cref="ChainIds.ForHarmonyTransactions"/>.
/// </summary>
/// <example>
/// <code>
/// var tx = new HarmonyTransaction { Nonce = 0, GasPrice = 100_000_000_000, GasLimit = 21_000, To = Address.Parse("one1…"), Value = 1 };
/// HarmonyTransaction signed = tx.Sign(key, ChainIds.Mainnet);
/// byte[] raw = signed.Encode();
/// </code>
/// </example>
public sealed class HarmonyTransaction : Transaction
{
    /// <summary>The shard the sender's account is on.</summary>
    public uint ShardId { get; init; }

    /// <summary>The shard the recipient's account is on.</summary>
    public uint ToShardId { get; init; }

    private protected override bool HasShardFields => true;

    private protected override uint ShardIdField => ShardId;

    private protected override uint ToShardIdField => ToShardId;

    /// <summary>Returns a copy signed for <paramref name="chainId"/> (EIP-155, low <c>s</c>, RFC 6979 nonce).</summary>
    /// <param name="key">The sender's private key.</param>
    /// <param name="chainId">The chain id, e.g. <see cref="ChainIds.Mainnet"/>.</param>
    /// <param name="ecdsa">The ECDSA implementation; the managed one when <see langword="null"/>.</param>
    /// <returns>The signed transaction.</returns>
    public HarmonyTransaction Sign(Secp256k1PrivateKey key, ulong chainId, ISecp256k1Ecdsa? ecdsa = null) =>
        WithSignature(CreateSignature(key, chainId, ecdsa));

    /// <summary>Returns a copy carrying <paramref name="signature"/> (or none).</summary>
    /// <param name="signature">The signature to attach, or <see langword="null"/> for an unsigned copy.</param>
    /// <returns>The copy.</returns>
    public HarmonyTransaction WithSignature(TransactionSignature? signature) => new()
    {
        Nonce = Nonce,
        GasPrice = GasPrice,
        GasLimit = GasLimit,
        ShardId = ShardId,
        ToShardId = ToShardId,
        To = To,
        Value = Value,
        Data = Data,
        Signature = signature,
    };

    /// <summary>Decodes a raw Harmony transaction.</summary>
    /// <param name="encoded">The RLP bytes.</param>
    /// <param name="transaction">The transaction, when valid.</param>
    /// <param name="error">Why the bytes are not a transaction (with the offset for RLP errors), when they are not.</param>
    /// <returns>Whether <paramref name="encoded"/> is a canonical Harmony transaction.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out HarmonyTransaction? transaction, [NotNullWhen(false)] out string? error)
    {
        transaction = null;
        if (!TryDecodeFields(encoded, hasShardFields: true, out DecodedFields f, out error))
        {
            return false;
        }

        transaction = new HarmonyTransaction
        {
            Nonce = f.Nonce,
            GasPrice = f.GasPrice,
            GasLimit = f.GasLimit,
            ShardId = f.ShardId,
            ToShardId = f.ToShardId,
            To = f.To,
            Value = f.Value,
            Data = f.Data,
            Signature = f.Signature,
        };
        return true;
    }

    /// <summary>Decodes a raw Harmony transaction, throwing when it is malformed.</summary>
    /// <param name="encoded">The RLP bytes.</param>
    /// <returns>The transaction.</returns>
    /// <exception cref="FormatException">The bytes are not a canonical Harmony transaction; the message says why.</exception>
    public static HarmonyTransaction Decode(ReadOnlySpan<byte> encoded) =>
        TryDecode(encoded, out HarmonyTransaction? transaction, out string? error)
            ? transaction
            : throw new FormatException($"Invalid Harmony transaction: {error}.");
}
