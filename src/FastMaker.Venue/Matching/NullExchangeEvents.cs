namespace FastMaker.Venue.Matching;

/// <summary>An event sink that ignores everything (benchmarks, engines nobody listens to).</summary>
public sealed class NullExchangeEvents : IExchangeEvents
{
    /// <summary>The shared instance.</summary>
    public static readonly NullExchangeEvents Instance = new();

    public void OnBookLevel(in BookLevelChange change) { }
    public void OnTrade(TradeRecord trade) { }
    public void OnOrder(in OrderEvent orderEvent) { }
    public void OnTradeStatus(in TradeStatusChange change) { }
    public void OnTickSizeChange(in TickSizeChange change) { }
    public void OnMarketResolved(in MarketResolved resolved) { }
}
