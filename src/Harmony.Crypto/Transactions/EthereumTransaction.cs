using System.Diagnostics.CodeAnalysis;
using Harmony.Crypto.Secp256k1;

namespace Harmony.Crypto.Transactions;

/// <summary>
/// Ethereum's legacy transaction, RLP <c>[nonce, gasPrice, gasLimit, to, value, data, v, r, s]</c>, which Harmony
/// accepts on its Ethereum-compatible endpoints. Signed for chain id 1666600000 + shard on mainnet or
/// 1666700000 + shard on testnet: see <see cref="ChainIds.ForEthereumTransactions"/>.
/// </summary>
public sealed class EthereumTransaction : Transaction
{
    private protected override bool HasShardFields => false;

    private protected override uint ShardIdField => 0;

    private protected override uint ToShardIdField => 0;

    /// <summary>Returns a copy signed for <paramref name="chainId"/> (EIP-155, low <c>s</c>, RFC 6979 nonce).</summary>
    /// <param name="key">The sender's private key.</param>
    /// <param name="chainId">The chain id, e.g. <c>ChainIds.ForEthereumTransactions(HarmonyNetwork.Mainnet, 0)</c>.</param>
    /// <param name="ecdsa">The ECDSA implementation; the managed one when <see langword="null"/>.</param>
    /// <returns>The signed transaction.</returns>
    public EthereumTransaction Sign(Secp256k1PrivateKey key, ulong chainId, ISecp256k1Ecdsa? ecdsa = null) =>
        WithSignature(CreateSignature(key, chainId, ecdsa));

    /// <summary>Returns a copy carrying <paramref name="signature"/> (or none).</summary>
    /// <param name="signature">The signature to attach, or <see langword="null"/> for an unsigned copy.</param>
    /// <returns>The copy.</returns>
    public EthereumTransaction WithSignature(TransactionSignature? signature) => new()
    {
        Nonce = Nonce,
        GasPrice = GasPrice,
        GasLimit = GasLimit,
        To = To,
        Value = Value,
        Data = Data,
        Signature = signature,
    };

    /// <summary>Decodes a raw legacy Ethereum transaction.</summary>
    /// <param name="encoded">The RLP bytes.</param>
    /// <param name="transaction">The transaction, when valid.</param>
    /// <param name="error">Why the bytes are not a transaction (with the offset for RLP errors), when they are not.</param>
    /// <returns>Whether <paramref name="encoded"/> is a canonical legacy transaction.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, [NotNullWhen(true)] out EthereumTransaction? transaction, [NotNullWhen(false)] out string? error)
    {
        transaction = null;
        if (!TryDecodeFields(encoded, hasShardFields: false, out DecodedFields f, out error))
        {
            return false;
        }

        transaction = new EthereumTransaction
        {
            Nonce = f.Nonce,
            GasPrice = f.GasPrice,
            GasLimit = f.GasLimit,
            To = f.To,
            Value = f.Value,
            Data = f.Data,
            Signature = f.Signature,
        };
        return true;
    }

    /// <summary>Decodes a raw legacy Ethereum transaction, throwing when it is malformed.</summary>
    /// <param name="encoded">The RLP bytes.</param>
    /// <returns>The transaction.</returns>
    /// <exception cref="FormatException">The bytes are not a canonical legacy transaction; the message says why.</exception>
    public static EthereumTransaction Decode(ReadOnlySpan<byte> encoded) =>
        TryDecode(encoded, out EthereumTransaction? transaction, out string? error)
            ? transaction
            : throw new FormatException($"Invalid Ethereum transaction: {error}.");
}
