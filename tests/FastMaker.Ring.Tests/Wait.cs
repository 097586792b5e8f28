using System.Diagnostics;

namespace FastMaker.Ring.Tests;

/// <summary>Polls a condition with a generous deadline so that a bug fails a test instead of hanging it.</summary>
internal static class Wait
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static void Until(Func<bool> condition, string what)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            if (stopwatch.Elapsed > Deadline)
                Assert.Fail($"Timed out after {Deadline.TotalSeconds} s waiting for {what}.");
            Thread.Sleep(1);
        }
    }

    /// <summary>Runs <paramref name="action"/> on a background thread and fails if it does not finish in time.</summary>
    public static Thread Start(Action action, string name)
    {
        var thread = new Thread(() => action()) { IsBackground = true, Name = name };
        thread.Start();
        return thread;
    }

    public static void Join(Thread thread)
    {
        if (!thread.Join(Deadline))
            Assert.Fail($"Thread '{thread.Name}' did not finish within {Deadline.TotalSeconds} s.");
    }
}
