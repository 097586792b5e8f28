using FastMaker.Venue.Matching;

namespace FastMaker.Venue.Flow;

/// <summary>A market as the flow sees it: the venue market plus its latent YES fair value (a seeded random walk with scheduled jumps).</summary>
public sealed class FlowMarket
{
    private readonly DeterministicRandom _random;

    internal FlowMarket(string id, VenueMarket market, double fairValue, double volatility, ulong seed)
    {
        Id = id;
        Market = market;
        FairValue = fairValue;
        Volatility = volatility;
        _random = new DeterministicRandom(seed);
    }

    /// <summary>Scenario id.</summary>
    public string Id { get; }

    /// <summary>The venue market.</summary>
    public VenueMarket Market { get; }

    /// <summary>Latent fair value of YES, in [0.01, 0.99].</summary>
    public double FairValue { get; private set; }

    /// <summary>Random-walk standard deviation per square root of a second.</summary>
    public double Volatility { get; }

    /// <summary>True when agents may send orders.</summary>
    public bool Tradable => Market.AcceptingOrders && !Market.Closed;

    internal void Walk(TimeSpan step)
    {
        if (Volatility > 0)
            SetFairValue(FairValue + Volatility * Math.Sqrt(step.TotalSeconds) * _random.NextGaussian());
    }

    internal void SetFairValue(double value) => FairValue = Math.Clamp(value, 0.01, 0.99);
}
