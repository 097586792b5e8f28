using System.Globalization;
using System.Text;

namespace FastMaker.Cli.VenueLoad;

/// <summary>What a capacity run saw: accepted posts, every non-200 by status and body, time and CPU.</summary>
internal sealed class LoadResult
{
    /// <summary>Requests sent in the timed window.</summary>
    public int Sent { get; init; }

    /// <summary>200 responses.</summary>
    public int Accepted { get; init; }

    /// <summary>Non-200 responses, keyed "status body" (the venue's error text), with their counts.</summary>
    public required IReadOnlyDictionary<string, int> Rejects { get; init; }

    /// <summary>Connections that failed (closed or timed out), with the reason.</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    /// <summary>Wall time of the timed window.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>CPU seconds this load generator used in the window.</summary>
    public double ClientCpuSeconds { get; init; }

    /// <summary>CPU seconds the venue process used in the window, when its pid was given.</summary>
    public double? VenueCpuSeconds { get; init; }

    /// <summary>Accepted posts per second of wall time.</summary>
    public double PostsPerSecond => Elapsed.TotalSeconds > 0 ? Accepted / Elapsed.TotalSeconds : 0;

    /// <summary>True when every request sent was accepted and no connection failed.</summary>
    public bool Clean => Accepted == Sent && Rejects.Count == 0 && Failures.Count == 0;

    /// <summary>The report lines.</summary>
    public string Format(int connections)
    {
        var s = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        s.Append(c, $"venue-load: {Accepted} of {Sent} posts accepted in {Elapsed.TotalSeconds:F2} s = {PostsPerSecond:F0} posts/s ({connections} connections, keep-alive HTTP/1.1, one in flight each)").AppendLine();
        double perPostUs = Sent > 0 ? 1e6 / Sent : 0;
        s.Append(c, $"venue-load: load generator CPU {ClientCpuSeconds:F2} s = {ClientCpuSeconds * perPostUs:F0} us/post");
        if (VenueCpuSeconds is { } v) s.Append(c, $"; venue CPU {v:F2} s = {v * perPostUs:F0} us/post");
        s.AppendLine();
        foreach (var (key, count) in Rejects) s.Append(c, $"venue-load: REJECT x{count}: {key}").AppendLine();
        foreach (var f in Failures) s.Append("venue-load: FAILED connection: ").Append(f).AppendLine();
        return s.ToString();
    }
}
