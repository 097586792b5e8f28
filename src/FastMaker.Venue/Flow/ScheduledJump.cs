namespace FastMaker.Venue.Flow;

/// <summary>A fair-value jump the schedule will apply: known in advance to informed traders.</summary>
public sealed class ScheduledJump
{
    internal ScheduledJump(FlowMarket market, DateTimeOffset at, double? to, double? by)
    {
        Market = market;
        At = at;
        To = to;
        By = by;
    }

    /// <summary>The market that jumps.</summary>
    public FlowMarket Market { get; }

    /// <summary>When.</summary>
    public DateTimeOffset At { get; }

    /// <summary>Absolute target, if given.</summary>
    public double? To { get; }

    /// <summary>Relative change, if given.</summary>
    public double? By { get; }

    /// <summary>The fair value after the jump, given the value before it.</summary>
    public double Target(double current) => Math.Clamp(To ?? current + By!.Value, 0.01, 0.99);
}
