using BenchmarkDotNet.Running;
using ResearchKit.Benchmarks;

// `epochs`: the end-to-end table (seconds per epoch, GFLOP/s, share of the FMA peak, bytes, RSS).
// anything else: BenchmarkDotNet over the kernels and their reference twins.
if (args.Length > 0 && args[0] == "epochs") return EpochBench.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(KernelBenchmarks).Assembly).Run(args);
return 0;
