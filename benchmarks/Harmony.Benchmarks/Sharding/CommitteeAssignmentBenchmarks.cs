using System.Numerics;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Harmony.Consensus.Quorum;
using Harmony.Sharding.Assignment;
using Harmony.Sharding.Configuration;
using Harmony.Sharding.Staking;
using Harmony.Sharding.State;

namespace Harmony.Benchmarks.Sharding;

/// <summary>Electing 1,000 single-key validators (plus 8 Harmony slots) into 4 shards with each policy.</summary>
[MemoryDiagnoser]
public class CommitteeAssignmentBenchmarks
{
    private const int Validators = 1000;
    private const int Shards = 4;
    private CommitteeAssignmentInput _input = null!;
    private CommitteeAssignmentInput _inputWithPrevious = null!;
    private readonly HarmonyMainnetAssignment _mainnet = new();
    private readonly RandomizedAssignment _randomized = new(new RandomizedAssignmentOptions());

    [GlobalSetup]
    public void Setup()
    {
        var instance = new ShardingInstance("bench", 0, Shards, (Validators / Shards) + 2, 2, 0.06f, Decimal18.Parse("0.01"));
        var harmony = Enumerable.Range(0, Shards * 2)
            .Select(i => new HarmonyAccount(Address(1_000_000 + i), SHA384.HashData(BitConverter.GetBytes(-i - 1))))
            .ToArray();
        var candidates = Enumerable.Range(0, Validators)
            .Select(i => new EposCandidate(Address(i), [SHA384.HashData(BitConverter.GetBytes(i))], new BigInteger(1_000_000 + (i * 7919 % 100_000)) * BigInteger.Pow(10, 18)))
            .ToArray();
        _input = new CommitteeAssignmentInput
        {
            Epoch = 1000,
            Instance = instance,
            HarmonyAccounts = harmony,
            Candidates = candidates,
            EposBound = EposAuction.Bound35,
            Randomness = SHA256.HashData("epoch 1000"u8),
        };
        ShardState previous = _randomized.Assign(_input with { Randomness = SHA256.HashData("epoch 999"u8) });
        _inputWithPrevious = _input with { PreviousState = previous };
    }

    [Benchmark(Baseline = true)]
    public ShardState HarmonyMainnet() => _mainnet.Assign(_input);

    [Benchmark]
    public ShardState RandomizedFirstEpoch() => _randomized.Assign(_input);

    [Benchmark]
    public ShardState RandomizedWithChurnBound() => _randomized.Assign(_inputWithPrevious);

    private static byte[] Address(int i)
    {
        byte[] address = new byte[20];
        BitConverter.TryWriteBytes(address.AsSpan(16), i);
        return address;
    }
}
