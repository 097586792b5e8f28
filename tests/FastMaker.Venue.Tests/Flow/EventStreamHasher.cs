using System.Security.Cryptography;
using System.Text;
using FastMaker.Venue.Matching;

namespace FastMaker.Venue.Tests.Flow;

/// <summary>Serialises every engine event to a canonical text line and hashes the stream (SHA-256).</summary>
internal sealed class EventStreamHasher : IExchangeEvents
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Count { get; private set; }
    public long Trades { get; private set; }
    public long TickChanges { get; private set; }
    public long Resolutions { get; private set; }
    public long Failed { get; private set; }

    public string Finish() => Convert.ToHexString(_hash.GetHashAndReset());

    private void Line(string s)
    {
        Count++;
        _hash.AppendData(Encoding.UTF8.GetBytes(s + "\n"));
    }

    public void OnBookLevel(in BookLevelChange c) =>
        Line($"L|{c.Market}|{c.AssetId}|{c.Side}|{c.Price}|{c.Size}|{c.BestBid}|{c.BestAsk}|{c.TimestampMs}");

    public void OnTrade(TradeRecord t)
    {
        Trades++;
        Line($"T|{t.Id}|{t.Kind}|{t.Size}|{t.TakerOrderId}|{t.TakerOwner}|{t.TakerOutcome}|{t.TakerSide}|{t.TakerPrice}|{t.TakerCollateral}|{t.Fee}|{t.MakerOrderId}|{t.MakerOwner}|{t.MakerOutcome}|{t.MakerSide}|{t.MakerPrice}|{t.MakerCollateral}|{t.MatchTimeMs}");
    }

    public void OnOrder(in OrderEvent e) =>
        Line($"O|{e.Type}|{e.Order.Id}|{e.Order.Status}|{e.Order.Owner}|{e.Order.AssetId}|{e.Order.Side}|{e.Order.Price}|{e.Order.OriginalSize}|{e.Order.SizeMatched}|{e.Order.OrderType}|{string.Join(',', e.Order.AssociateTrades)}|{e.TimestampMs}");

    public void OnTradeStatus(in TradeStatusChange c)
    {
        if (c.Status == TradeStatus.Failed)
            Failed++;
        Line($"S|{c.Trade.Id}|{c.Status}|{c.Trade.TransactionHash}|{c.TimestampMs}");
    }

    public void OnTickSizeChange(in TickSizeChange c)
    {
        TickChanges++;
        Line($"K|{c.Market}|{c.AssetId}|{c.OldTickSize}|{c.NewTickSize}|{c.TimestampMs}");
    }

    public void OnMarketResolved(in MarketResolved r)
    {
        Resolutions++;
        Line($"R|{r.Market.ConditionId}|{r.WinningAssetId}|{r.WinningOutcome}|{r.TimestampMs}");
    }
}
