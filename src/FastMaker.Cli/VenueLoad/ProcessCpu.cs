using System.Globalization;

namespace FastMaker.Cli.VenueLoad;

/// <summary>CPU time (user + system) of another process from /proc/PID/stat, for per-post server cost.</summary>
internal static class ProcessCpu
{
    // /proc reports utime and stime in USER_HZ, which Linux fixes at 100 for user space.
    private const double TicksPerSecond = 100.0;

    /// <summary>CPU seconds used so far by <paramref name="pid"/>, or null when it cannot be read (not Linux, gone).</summary>
    public static double? Seconds(int pid)
    {
        try
        {
            string stat = File.ReadAllText("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/stat");
            // The command name (field 2) may contain spaces: fields are counted after its closing parenthesis.
            string[] fields = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
            // fields[0] is field 3 (state); utime is field 14, stime field 15.
            long utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
            long stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (utime + stime) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
