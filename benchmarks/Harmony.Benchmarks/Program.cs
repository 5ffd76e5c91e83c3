using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is reachable through the switcher, e.g.
//   dotnet run -c Release --project benchmarks/Harmony.Benchmarks -- --filter '*Keccak*'
// The memory diagnoser is on for all of them: hot paths are meant to allocate nothing.
var config = DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
