using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Harmony.Consensus.Quorum;
using Harmony.Crypto.Bls;

namespace Harmony.Consensus;

/// <summary>
/// The committee of one shard for one epoch: the ordered member keys (decoded once), each member's 20-byte operator
/// address, and the quorum rule. Committee index i is bit i of every signer bitmap.
/// </summary>
/// <remarks>Immutable and thread-safe; share one instance between the engines of a process.</remarks>
public sealed class ConsensusCommittee
{
    /// <summary>The length of an operator address.</summary>
    public const int AddressSize = 20;

    private readonly byte[][] _encoded;
    private readonly byte[][] _addresses;
    private readonly Dictionary<string, int> _index;

    private ConsensusCommittee(BlsCommittee keys, byte[][] encoded, byte[][] addresses, IQuorumDecider decider)
    {
        Keys = keys;
        _encoded = encoded;
        _addresses = addresses;
        Decider = decider;
        _index = new Dictionary<string, int>(encoded.Length, StringComparer.Ordinal);
        for (int i = 0; i < encoded.Length; i++)
        {
            _index.TryAdd(Convert.ToHexStringLower(encoded[i]), i);
        }
    }

    /// <summary>The decoded keys and their aggregation by bitmap.</summary>
    public BlsCommittee Keys { get; }

    /// <summary>The BLS suite of the keys.</summary>
    public IBlsSignatureScheme Scheme => Keys.Scheme;

    /// <summary>The quorum rule.</summary>
    public IQuorumDecider Decider { get; }

    /// <summary>N, the number of members.</summary>
    public int Count => _encoded.Length;

    /// <summary>
    /// Builds a committee from encoded keys. Each member's address is the given one, or, when none is given, Harmony's
    /// "BLS address" <c>SHA256(publicKey)[0:20]</c>.
    /// </summary>
    /// <param name="scheme">The BLS suite.</param>
    /// <param name="encodedKeys">The member keys in committee order.</param>
    /// <param name="decider">The quorum rule, built for the same committee size.</param>
    /// <param name="addresses">Optional 20-byte operator addresses in committee order (the same length as the keys).</param>
    /// <param name="committee">The committee, or <see langword="null"/>.</param>
    /// <param name="error">Why the committee is invalid, or <see langword="null"/>.</param>
    /// <returns>Whether every key decodes and the sizes agree.</returns>
    public static bool TryCreate(IBlsSignatureScheme scheme, IReadOnlyList<ReadOnlyMemory<byte>> encodedKeys, IQuorumDecider decider, IReadOnlyList<ReadOnlyMemory<byte>>? addresses, [NotNullWhen(true)] out ConsensusCommittee? committee, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(encodedKeys);
        ArgumentNullException.ThrowIfNull(decider);
        committee = null;
        if (decider.CommitteeSize != encodedKeys.Count)
        {
            error = $"The quorum decider is for {decider.CommitteeSize} members, the committee has {encodedKeys.Count}.";
            return false;
        }

        if (addresses is not null && addresses.Count != encodedKeys.Count)
        {
            error = $"{addresses.Count} addresses were given for {encodedKeys.Count} members.";
            return false;
        }

        if (!BlsCommittee.TryCreate(scheme, encodedKeys, out var keys, out error))
        {
            return false;
        }

        var encoded = new byte[encodedKeys.Count][];
        var owners = new byte[encodedKeys.Count][];
        for (int i = 0; i < encoded.Length; i++)
        {
            encoded[i] = encodedKeys[i].ToArray();
            if (addresses is not null)
            {
                if (addresses[i].Length != AddressSize)
                {
                    error = $"Address {i} is {addresses[i].Length} bytes, not {AddressSize}.";
                    return false;
                }

                owners[i] = addresses[i].ToArray();
            }
            else
            {
                owners[i] = SHA256.HashData(encoded[i])[..AddressSize];
            }
        }

        committee = new ConsensusCommittee(keys, encoded, owners, decider);
        error = null;
        return true;
    }

    /// <summary>Builds a committee, throwing <see cref="ArgumentException"/> where <see cref="TryCreate"/> fails.</summary>
    /// <param name="scheme">The BLS suite.</param>
    /// <param name="encodedKeys">The member keys in committee order.</param>
    /// <param name="decider">The quorum rule.</param>
    /// <param name="addresses">Optional operator addresses.</param>
    /// <returns>The committee.</returns>
    public static ConsensusCommittee Create(IBlsSignatureScheme scheme, IReadOnlyList<ReadOnlyMemory<byte>> encodedKeys, IQuorumDecider decider, IReadOnlyList<ReadOnlyMemory<byte>>? addresses = null) =>
        TryCreate(scheme, encodedKeys, decider, addresses, out var committee, out var error) ? committee : throw new ArgumentException(error, nameof(encodedKeys));

    /// <summary>The committee index of an encoded key (its first slot).</summary>
    /// <param name="encodedKey">The key bytes.</param>
    /// <param name="index">The index, or -1.</param>
    /// <returns>Whether the key is a member.</returns>
    public bool TryGetIndex(ReadOnlySpan<byte> encodedKey, out int index)
    {
        if (encodedKey.Length == Scheme.PublicKeySize && _index.TryGetValue(Convert.ToHexStringLower(encodedKey), out index))
        {
            return true;
        }

        index = -1;
        return false;
    }

    /// <summary>The encoded key of member <paramref name="index"/>.</summary>
    /// <param name="index">The committee index.</param>
    /// <returns>The key bytes.</returns>
    public ReadOnlyMemory<byte> EncodedKey(int index) => _encoded[index];

    /// <summary>The operator address of member <paramref name="index"/>.</summary>
    /// <param name="index">The committee index.</param>
    /// <returns>20 bytes.</returns>
    public ReadOnlyMemory<byte> Address(int index) => _addresses[index];

    /// <summary>A new empty bitmap over this committee.</summary>
    /// <returns>The bitmap.</returns>
    public SignerBitmap NewBitmap() => new(Count);
}
