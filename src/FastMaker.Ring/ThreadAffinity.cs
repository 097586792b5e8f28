using System.Runtime.InteropServices;

namespace FastMaker.Ring;

/// <summary>
/// Pins the calling thread to one CPU with <c>sched_setaffinity</c> on Linux. Elsewhere, or when
/// the kernel refuses, it does nothing and says why; it never throws for an unsupported platform.
/// </summary>
public static partial class ThreadAffinity
{
    private const int MaxCpus = 1024;

    /// <summary>Pins the calling thread to <paramref name="cpu"/>.</summary>
    /// <param name="cpu">A CPU number, 0 to 1023.</param>
    /// <param name="warning">Why the thread was not pinned, when the result is <c>false</c>.</param>
    /// <returns>Whether the thread is now pinned.</returns>
    public static bool TryPinCurrentThread(int cpu, out string? warning)
    {
        if (cpu < 0 || cpu >= MaxCpus)
        {
            warning = $"cpu {cpu} is out of range 0..{MaxCpus - 1}; thread not pinned.";
            return false;
        }
        if (!OperatingSystem.IsLinux())
        {
            warning = $"thread pinning needs Linux (sched_setaffinity); running unpinned on {RuntimeInformation.OSDescription}.";
            return false;
        }

        Span<ulong> mask = stackalloc ulong[MaxCpus / 64];
        mask.Clear();
        mask[cpu / 64] = 1UL << (cpu % 64);
        try
        {
            int result;
            unsafe
            {
                fixed (ulong* bits = mask)
                    result = SchedSetAffinity(0, (nuint)(mask.Length * sizeof(ulong)), bits);
            }
            if (result != 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                warning = $"sched_setaffinity(cpu {cpu}) failed with errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)}); thread not pinned.";
                return false;
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            warning = $"sched_setaffinity is unavailable ({exception.GetType().Name}); thread not pinned.";
            return false;
        }
        warning = null;
        return true;
    }

    // pid 0 means the calling thread: .NET threads are 1:1 with kernel tasks on Linux.
    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static unsafe partial int SchedSetAffinity(int pid, nuint cpusetsize, ulong* mask);
}
