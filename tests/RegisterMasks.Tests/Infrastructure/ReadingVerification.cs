using System.Runtime.CompilerServices;
using RegisterMasks.Generator.Incremental;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// Every test runs with the reading verifier on: each reading the generator or the analyzer builds from
/// an earlier one is also read afresh and compared, and a difference fails the run (CS8785 or AD0001,
/// which every test treats as a failure). So every edit any test makes checks the reuse rules, not only
/// those of <c>IncrementalCorrectnessTests</c>; and each resolution that took a register file's from the memo
/// (<c>FileResolutionMemo</c>) is compared with one that resolved every file. <c>REGISTERMASKS_VERIFY_READING=0</c>
/// turns it off, to time something.
/// </summary>
internal static class ReadingVerification
{
    [ModuleInitializer]
    internal static void TurnOn() =>
        ReadingVerifier.Enabled = Environment.GetEnvironmentVariable("REGISTERMASKS_VERIFY_READING") != "0";
}
