using FastMaker.Venue.Matching;

namespace FastMaker.Venue.Tests.Matching;

/// <summary>Keeps every engine event, in order, for assertions.</summary>
internal sealed class RecordingEvents : IExchangeEvents
{
    public List<BookLevelChange> Levels { get; } = new();
    public List<TradeRecord> Trades { get; } = new();
    public List<OrderEvent> Orders { get; } = new();
    public List<TradeStatusChange> TradeStatuses { get; } = new();
    public List<TickSizeChange> TickSizes { get; } = new();
    public List<MarketResolved> Resolutions { get; } = new();

    public void OnBookLevel(in BookLevelChange change) => Levels.Add(change);
    public void OnTrade(TradeRecord trade) => Trades.Add(trade);
    public void OnOrder(in OrderEvent orderEvent) => Orders.Add(orderEvent with { Order = orderEvent.Order with { AssociateTrades = orderEvent.Order.AssociateTrades.ToArray() } });
    public void OnTradeStatus(in TradeStatusChange change) => TradeStatuses.Add(change);
    public void OnTickSizeChange(in TickSizeChange change) => TickSizes.Add(change);
    public void OnMarketResolved(in MarketResolved resolved) => Resolutions.Add(resolved);
}
