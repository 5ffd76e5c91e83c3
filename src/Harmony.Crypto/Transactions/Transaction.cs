using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using Harmony.Crypto.Accounts;
using Harmony.Crypto.Hashing;
using Harmony.Crypto.Encoding;
using Harmony.Crypto.Secp256k1;

namespace Harmony.Crypto.Transactions;

/// <summary>
/// Fields and operations shared by Harmony's transaction and Ethereum's legacy transaction: RLP encoding, the
/// EIP-155 signing hash, signing, the transaction hash and recovery of the sender.
/// </summary>
public abstract class Transaction
{
    /// <summary>Largest <c>gasPrice</c> or <c>value</c> accepted when decoding: a 256-bit integer.</summary>
    public const int MaxIntegerBytes = 32;

    private protected Transaction()
    {
    }

    /// <summary>The sender's transaction count before this one.</summary>
    public ulong Nonce { get; init; }

    /// <summary>Price per unit of gas, in atto (10⁻¹⁸ ONE or wei); non-negative, at most 256 bits.</summary>
    public BigInteger GasPrice { get; init; }

    /// <summary>Most gas the transaction may use.</summary>
    public ulong GasLimit { get; init; }

    /// <summary>The recipient, or <see langword="null"/> for contract creation.</summary>
    public Address? To { get; init; }

    /// <summary>Amount transferred, in atto; non-negative, at most 256 bits.</summary>
    public BigInteger Value { get; init; }

    /// <summary>Call data or contract code.</summary>
    public ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The signature, or <see langword="null"/> for an unsigned transaction (encoded with <c>v = r = s = 0</c>).</summary>
    public TransactionSignature? Signature { get; init; }

    /// <summary>Whether the shard fields are part of the encoding (Harmony's form) or not (Ethereum's).</summary>
    private protected abstract bool HasShardFields { get; }

    private protected abstract uint ShardIdField { get; }

    private protected abstract uint ToShardIdField { get; }

    private enum Tail
    {
        Signature,
        ChainId,
        None,
    }

    /// <summary>
    /// The EIP-155 hash that is signed: Keccak-256 of the RLP of the unsigned fields followed by
    /// <c>chainId, 0, 0</c>.
    /// </summary>
    /// <param name="chainId">The chain the signature is bound to (see <see cref="ChainIds"/>).</param>
    /// <returns>The 32-byte signing hash.</returns>
    public byte[] GetSigningHash(ulong chainId) => HashOf(Tail.ChainId, chainId);

    /// <summary>The pre-EIP-155 (Homestead) signing hash: Keccak-256 of the RLP of the unsigned fields alone.</summary>
    /// <returns>The 32-byte signing hash.</returns>
    public byte[] GetUnprotectedSigningHash() => HashOf(Tail.None, 0);

    /// <summary>The transaction hash: Keccak-256 of <see cref="Encode"/>.</summary>
    /// <returns>The 32-byte hash.</returns>
    public byte[] GetHash() => HashOf(Tail.Signature, 0);

    /// <summary>The RLP encoding as it is sent on the network (the "raw transaction").</summary>
    /// <returns>A new array with the encoding.</returns>
    public byte[] Encode()
    {
        int payloadLength = PayloadLength(Tail.Signature, 0);
        var buffer = new ArrayBufferWriter<byte>(Rlp.LengthOfList(payloadLength));
        Write(buffer, Tail.Signature, 0, payloadLength);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the RLP encoding to <paramref name="output"/>.</summary>
    /// <param name="output">Where to write.</param>
    public void EncodeTo(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        Write(output, Tail.Signature, 0, PayloadLength(Tail.Signature, 0));
    }

    /// <summary>
    /// Recovers the sender from the signature. Replay-protected signatures must be for
    /// <paramref name="expectedChainId"/> when one is given; <c>s</c> must be in the lower half of the curve order
    /// (Homestead rule), so a malleated copy of a transaction is rejected.
    /// </summary>
    /// <param name="sender">The sender's address, when recovery succeeds.</param>
    /// <param name="error">Why the sender cannot be recovered, when it cannot.</param>
    /// <param name="expectedChainId">The chain the transaction must be signed for, or <see langword="null"/> to accept any.</param>
    /// <param name="ecdsa">The ECDSA implementation to use; the managed one when <see langword="null"/>.</param>
    /// <returns>Whether the sender was recovered.</returns>
    public bool TryRecoverSender(out Address sender, [NotNullWhen(false)] out string? error, ulong? expectedChainId = null, ISecp256k1Ecdsa? ecdsa = null)
    {
        sender = default;
        if (Signature is not { } signature)
        {
            error = "the transaction is not signed";
            return false;
        }

        if (expectedChainId is { } expected && signature.ChainId is { } actual && actual != expected)
        {
            error = $"the transaction is signed for chain {actual}, not {expected}";
            return false;
        }

        if (!signature.Ecdsa.IsLowS)
        {
            error = "s is in the upper half of the curve order";
            return false;
        }

        byte[] hash = signature.ChainId is { } chainId ? GetSigningHash(chainId) : GetUnprotectedSigningHash();
        if (!(ecdsa ?? ManagedSecp256k1Ecdsa.Instance).TryRecover(hash, signature.Ecdsa, out Secp256k1PublicKey publicKey))
        {
            error = "no public key matches the signature";
            return false;
        }

        Span<byte> uncompressed = stackalloc byte[Secp256k1PublicKey.UncompressedLength];
        publicKey.WriteUncompressed(uncompressed);
        sender = Address.FromUncompressedPublicKey(uncompressed);
        error = null;
        return true;
    }

    /// <summary>Recovers the sender as <see cref="TryRecoverSender"/> does, throwing when it cannot.</summary>
    /// <param name="expectedChainId">The chain the transaction must be signed for, or <see langword="null"/> to accept any.</param>
    /// <returns>The sender's address.</returns>
    /// <exception cref="InvalidOperationException">The transaction is unsigned or its signature recovers no sender.</exception>
    public Address RecoverSender(ulong? expectedChainId = null) =>
        TryRecoverSender(out Address sender, out string? error, expectedChainId)
            ? sender
            : throw new InvalidOperationException($"Cannot recover the sender: {error}.");

    /// <summary>Signs the signing hash for <paramref name="chainId"/> with <paramref name="key"/>.</summary>
    private protected TransactionSignature CreateSignature(Secp256k1PrivateKey key, ulong chainId, ISecp256k1Ecdsa? ecdsa)
    {
        ArgumentNullException.ThrowIfNull(key);
        EcdsaSignature signature = (ecdsa ?? ManagedSecp256k1Ecdsa.Instance).Sign(key, GetSigningHash(chainId));
        return TransactionSignature.ForChain(signature, chainId);
    }

    /// <summary>Reads the fields of an encoded transaction; the caller builds its own type from them.</summary>
    private protected static bool TryDecodeFields(ReadOnlySpan<byte> encoded, bool hasShardFields, out DecodedFields fields, [NotNullWhen(false)] out string? error)
    {
        fields = default;
        var reader = new RlpReader(encoded);
        if (!reader.TryReadList(out RlpReader list) || !reader.TryEnsureEnd())
        {
            error = reader.LastError.ToString();
            return false;
        }

        ulong shardId = 0, toShardId = 0;
        if (!list.TryReadUInt64(out ulong nonce)
            || !list.TryReadBigInteger(out BigInteger gasPrice, MaxIntegerBytes)
            || !list.TryReadUInt64(out ulong gasLimit)
            || (hasShardFields && (!list.TryReadUInt64(out shardId) || !list.TryReadUInt64(out toShardId)))
            || !list.TryReadBytes(out ReadOnlySpan<byte> to)
            || !list.TryReadBigInteger(out BigInteger value, MaxIntegerBytes)
            || !list.TryReadBytes(out ReadOnlySpan<byte> data)
            || !list.TryReadUInt64(out ulong v)
            || !list.TryReadBytes(out ReadOnlySpan<byte> r)
            || !list.TryReadBytes(out ReadOnlySpan<byte> s)
            || !list.TryEnsureEnd())
        {
            error = list.LastError.ToString();
            return false;
        }

        if (shardId > uint.MaxValue || toShardId > uint.MaxValue)
        {
            error = "a shard id does not fit in 32 bits";
            return false;
        }

        if (to.Length is not (0 or Address.Length))
        {
            error = $"the recipient is {to.Length} bytes; expected {Address.Length} or empty";
            return false;
        }

        if ((r.Length > 0 && r[0] == 0) || (s.Length > 0 && s[0] == 0))
        {
            error = "r or s has a leading zero byte";
            return false;
        }

        TransactionSignature? signature = null;
        if (v != 0 || r.Length != 0 || s.Length != 0)
        {
            if (!TransactionSignature.TryCreate(v, r, s, out TransactionSignature parsed, out error))
            {
                return false;
            }

            signature = parsed;
        }

        fields = new DecodedFields(nonce, gasPrice, gasLimit, (uint)shardId, (uint)toShardId, to.IsEmpty ? null : new Address(to), value, data.ToArray(), signature);
        error = null;
        return true;
    }

    private byte[] HashOf(Tail tail, ulong chainId)
    {
        int payloadLength = PayloadLength(tail, chainId);
        var buffer = new ArrayBufferWriter<byte>(Rlp.LengthOfList(payloadLength));
        Write(buffer, tail, chainId, payloadLength);
        return Keccak256.HashData(buffer.WrittenSpan);
    }

    private int PayloadLength(Tail tail, ulong chainId)
    {
        Validate();
        int length = Rlp.LengthOfUInt64(Nonce)
            + Rlp.LengthOfBigInteger(GasPrice)
            + Rlp.LengthOfUInt64(GasLimit)
            + (To.HasValue ? 1 + Address.Length : 1)
            + Rlp.LengthOfBigInteger(Value)
            + Rlp.LengthOfBytes(Data.Span);
        if (HasShardFields)
        {
            length += Rlp.LengthOfUInt64(ShardIdField) + Rlp.LengthOfUInt64(ToShardIdField);
        }

        switch (tail)
        {
            case Tail.ChainId:
                length += Rlp.LengthOfUInt64(chainId) + 2;
                break;
            case Tail.Signature when Signature is { } signature:
                Span<byte> scratch = stackalloc byte[32];
                signature.WriteR(scratch);
                length += Rlp.LengthOfBytes(TransactionSignature.TrimLeadingZeros(scratch));
                signature.WriteS(scratch);
                length += Rlp.LengthOfBytes(TransactionSignature.TrimLeadingZeros(scratch));
                length += Rlp.LengthOfUInt64(signature.V);
                break;
            case Tail.Signature:
                length += 3;
                break;
        }

        return length;
    }

    /// <summary>Writes the list; <paramref name="payloadLength"/> is <see cref="PayloadLength"/> of the same tail.</summary>
    private void Write(IBufferWriter<byte> output, Tail tail, ulong chainId, int payloadLength)
    {
        var writer = new RlpWriter(output);
        writer.WriteListHeader(payloadLength);
        writer.WriteUInt64(Nonce);
        writer.WriteBigInteger(GasPrice);
        writer.WriteUInt64(GasLimit);
        if (HasShardFields)
        {
            writer.WriteUInt64(ShardIdField);
            writer.WriteUInt64(ToShardIdField);
        }

        Span<byte> scratch = stackalloc byte[32];
        if (To is { } to)
        {
            to.WriteTo(scratch);
            writer.WriteBytes(scratch[..Address.Length]);
        }
        else
        {
            writer.WriteBytes([]);
        }

        writer.WriteBigInteger(Value);
        writer.WriteBytes(Data.Span);
        switch (tail)
        {
            case Tail.ChainId:
                writer.WriteUInt64(chainId);
                writer.WriteUInt64(0);
                writer.WriteUInt64(0);
                break;
            case Tail.Signature when Signature is { } signature:
                writer.WriteUInt64(signature.V);
                signature.WriteR(scratch);
                writer.WriteBytes(TransactionSignature.TrimLeadingZeros(scratch));
                signature.WriteS(scratch);
                writer.WriteBytes(TransactionSignature.TrimLeadingZeros(scratch));
                break;
            case Tail.Signature:
                writer.WriteUInt64(0);
                writer.WriteUInt64(0);
                writer.WriteUInt64(0);
                break;
        }
    }

    private void Validate()
    {
        if (GasPrice.Sign < 0 || Value.Sign < 0)
        {
            throw new InvalidOperationException("GasPrice and Value must not be negative.");
        }

        if (GasPrice.GetByteCount(isUnsigned: true) > MaxIntegerBytes || Value.GetByteCount(isUnsigned: true) > MaxIntegerBytes)
        {
            throw new InvalidOperationException("GasPrice and Value must fit in 256 bits.");
        }
    }

    /// <summary>The fields read from an encoded transaction.</summary>
    private protected readonly record struct DecodedFields(
        ulong Nonce,
        BigInteger GasPrice,
        ulong GasLimit,
        uint ShardId,
        uint ToShardId,
        Address? To,
        BigInteger Value,
        byte[] Data,
        TransactionSignature? Signature);
}
