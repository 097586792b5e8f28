namespace FastMaker.Engine.Signals;

/// <summary>All signal state of one token. Preallocated when the token is first seen; engine thread only.</summary>
public sealed class TokenSignals
{
    /// <summary>Creates the state with the stage's options.</summary>
    public TokenSignals(SignalOptions options)
    {
        MarketMarkouts = new MarkoutTracker(options.MarkoutHorizonsMs, options.MarkoutPendingCapacity, options.MarkoutWindow);
        OwnMarkouts = new MarkoutTracker(options.MarkoutHorizonsMs, options.MarkoutPendingCapacity, options.MarkoutWindow);
        Flow = new TradeFlow(options.TradeWindowMs, options.TradeWindowCapacity);
        Ofi = new OrderFlowImbalance(options.OfiWindowMs, options.OfiWindowCapacity);
    }

    /// <summary>Maker-side markouts of public trades: the passive party's sign is the opposite of the aggressor's.</summary>
    public MarkoutTracker MarketMarkouts { get; }

    /// <summary>Markouts of our own fills.</summary>
    public MarkoutTracker OwnMarkouts { get; }

    /// <summary>Aggressor flow and trade intensity.</summary>
    public TradeFlow Flow { get; }

    /// <summary>Order-flow imbalance of the token's own top of book.</summary>
    public OrderFlowImbalance Ofi { get; }

    /// <summary>Fair value (raw price units), NaN when unknown.</summary>
    public double FairValueRaw { get; internal set; } = double.NaN;

    /// <summary>The last toxicity computed.</summary>
    public double Toxicity { get; internal set; }
}
