using System.Runtime.CompilerServices;

namespace RegisterMasks.Tests.Infrastructure;

/// <summary>
/// Workspace-driven tests (code fixes, the refactoring) wait on Roslyn's tasks from test threads, while
/// the seeded classes keep every core busy through <c>Parallel.ForEach</c>: with the thread pool's
/// default minimum (one thread a core) those waits queued behind the injection delay, and a 10-second
/// fix test took minutes in a full run. More threads up front only removes that wait; the work is the same.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinimum()
    {
        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(completion, 32));
    }
}
