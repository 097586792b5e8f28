namespace FastMaker.Venue.Scenarios;

/// <summary>
/// A flow agent. <see cref="Type"/> is "noise" (Poisson limit and market orders around fair value),
/// "informed" (trades ahead of scheduled jumps) or "maker" (quotes both sides around fair value).
/// Agents trade from their own internal account, funded with <see cref="Collateral"/>.
/// </summary>
public sealed class AgentSpec
{
    /// <summary>"noise", "informed" or "maker".</summary>
    public string Type { get; set; } = "";

    /// <summary>Unique name; also the agent's API key ("agent:name").</summary>
    public string Name { get; set; } = "";

    /// <summary>Markets it trades (ids); empty = all.</summary>
    public List<string> Markets { get; set; } = new();

    /// <summary>Starting collateral, pUSD.</summary>
    public decimal Collateral { get; set; } = 100_000m;

    /// <summary>noise: orders per second (Poisson).</summary>
    public double RatePerSecond { get; set; } = 1.0;

    /// <summary>noise: fraction of orders sent as FAK market orders.</summary>
    public double MarketOrderFraction { get; set; } = 0.2;

    /// <summary>noise: limit prices are fair value +- up to this many ticks.</summary>
    public int MaxDistanceTicks { get; set; } = 5;

    /// <summary>Smallest order, shares.</summary>
    public decimal MinSize { get; set; } = 5m;

    /// <summary>Largest order, shares.</summary>
    public decimal MaxSize { get; set; } = 50m;

    /// <summary>noise: open orders kept before the oldest is cancelled.</summary>
    public int MaxOpenOrders { get; set; } = 20;

    /// <summary>informed: how long before a scheduled jump it starts trading.</summary>
    public double LeadSeconds { get; set; } = 5;

    /// <summary>maker: distance of the first quote from fair value, in ticks.</summary>
    public int HalfSpreadTicks { get; set; } = 2;

    /// <summary>maker: quote levels per side.</summary>
    public int Levels { get; set; } = 1;

    /// <summary>maker: seconds between re-quotes.</summary>
    public double RefreshSeconds { get; set; } = 1.0;
}
