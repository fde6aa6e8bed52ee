using System.Diagnostics;
using Microsoft.CodeAnalysis;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using RegisterMasks.Benchmarks.Generator;

// dotnet run -c Release --project tests/RegisterMasks.Benchmarks -- --filter '*'    every benchmark, BenchmarkDotNet's default job
// dotnet run -c Release --project tests/RegisterMasks.Benchmarks -- --quick         every benchmark, a short in-process job (a few minutes)
// dotnet run -c Release --project tests/RegisterMasks.Benchmarks -- --steps         where an incremental run's time goes, step by step
if (args.Contains("--steps"))
{
    StepTimes.Print("KvmSample", 200);
    StepTimes.Print("Large", 10);
    StepTimes.Print("Realistic", 10);
    StepTimes.Print("AttributeHeavy16x64", 10);
    StepTimes.Print("AttributeHeavy64x64", 5);
    ReadingBreakdown.Print("AttributeHeavy16x64", 9);
    ReadingBreakdown.Print("AttributeHeavy64x64", 5);
    return;
}
// dotnet run -c Release --project tests/RegisterMasks.Benchmarks -- --first Unannotated300
//   the first run of the floor generator and of ours in a fresh process (JIT included), then a second of each
if (args.Length >= 2 && args[0] == "--first")
{
    var fresh = GeneratorInputs.Create(args[1]);
    foreach (var generator in new IIncrementalGenerator[] { new AttributeFloorGenerator(), new RegisterMasks.Generator.RegisterMaskGenerator(), new AttributeFloorGenerator(), new RegisterMasks.Generator.RegisterMaskGenerator() })
    {
        var clock = Stopwatch.StartNew();
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, parseOptions: GeneratorInputs.ParseOptions).RunGenerators(fresh.Clone());
        Console.WriteLine($"{generator.GetType().Name}: {clock.Elapsed.TotalMilliseconds:F1} ms wall, GetTimingInfo {driver.GetTimingInfo().ElapsedTime.TotalMilliseconds:F1} ms");
    }
    return;
}
// dotnet run -c Release --project tests/RegisterMasks.Benchmarks -- --write-project Unannotated300 DIR
//   writes one input's files under DIR/src, for a real build (unused-build.sh)
if (args.Length >= 3 && args[0] == "--write-project")
{
    GeneratorInputs.Write(args[1], args[2]);
    return;
}
// dotnet run -c Release --project tests/RegisterMasks.Benchmarks -- --keystrokes 9
//   an IDE's keystroke: the generator's incremental run and the analyzers on the edited document, against the compiler's work for it
if (args.Length >= 1 && args[0] == "--keystrokes")
{
    EditorKeystroke.Print(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 9);
    return;
}
if (args.Contains("--breakdown"))
{
    ReadingBreakdown.Print("AttributeHeavy16x64", 9);
    ReadingBreakdown.Print("AttributeHeavy64x64", 5);
    return;
}

// dotnet run -c Release --project tests/RegisterMasks.Benchmarks -- --profile AttributeHeavy64x64 warm 20
//   repeats one scenario for a while, for a profiler to sample (dotnet-trace collect -- <this command>)
if (args.Length >= 3 && args[0] == "--profile")
{
    ProfileLoop.Run(args[1], args[2], args.Length > 3 ? double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}

var quick = args.Contains("--quick");
var rest = args.Where(arg => arg != "--quick").ToArray();
if (quick && !rest.Contains("--filter"))
{
    rest = rest.Concat(new[] { "--filter", "*" }).ToArray();
}

// The first run in a fresh process (JIT, template parsing) is what a command-line build pays once;
// BenchmarkDotNet only sees warmed-up runs, so it is timed here, on the sample, before anything else.
var firstRun = Stopwatch.StartNew();
var first = GeneratorBenchmarks.NewDriver().RunGenerators(GeneratorInputs.Create("KvmSample"));
GeneratorBenchmarks.EnsureGenerated(first, "KvmSample");
Console.WriteLine($"First generator run in this process (KvmSample): {firstRun.Elapsed.TotalMilliseconds:F1} ms wall, GetTimingInfo {first.GetTimingInfo().ElapsedTime.TotalMilliseconds:F1} ms");

var config = quick
    ? DefaultConfig.Instance.AddJob(Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(5)
        .WithIterationTime(TimeInterval.FromMilliseconds(120))
        .WithId("Quick"))
    : DefaultConfig.Instance;
BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(rest, config);
