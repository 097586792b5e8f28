namespace FastMaker.Ring.Tests;

public class ThreadAffinityTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(1024)]
    public void OutOfRangeCpu_ReturnsFalseWithAReason(int cpu)
    {
        Assert.False(ThreadAffinity.TryPinCurrentThread(cpu, out var warning));
        Assert.Contains("out of range", warning);
    }

    [Fact]
    public void PinToAnAllowedCpu_SucceedsOnLinux_OrWarnsElsewhere()
    {
        bool pinned = false;
        string? warning = null;
        string? allowed = null;
        // A separate thread, so the test runner's thread is never pinned.
        var thread = Wait.Start(() =>
        {
            pinned = ThreadAffinity.TryPinCurrentThread(0, out warning);
            if (OperatingSystem.IsLinux())
            {
                // The kernel's view of this thread's affinity mask.
                foreach (var line in File.ReadAllLines("/proc/thread-self/status"))
                {
                    if (line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))
                        allowed = line["Cpus_allowed_list:".Length..].Trim();
                }
            }
        }, "pin");
        Wait.Join(thread);

        if (OperatingSystem.IsLinux() && pinned)
        {
            Assert.Null(warning);
            Assert.Equal("0", allowed);
        }
        else
        {
            Assert.False(pinned);
            Assert.False(string.IsNullOrEmpty(warning));
        }
    }

    [Fact]
    public void CpuTheKernelRejects_ReturnsFalseWithErrno()
    {
        Assert.False(ThreadAffinity.TryPinCurrentThread(1023, out var warning));
        Assert.NotNull(warning);
    }
}
