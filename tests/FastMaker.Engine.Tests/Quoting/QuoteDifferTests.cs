using FastMaker.Engine.Orders;
using FastMaker.Engine.Quoting;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Quoting;

public class QuoteDifferTests
{
    private static readonly QuoteOptions Options = new() { PriceToleranceTicks = 2, SizeTolerancePercent = 20 };
    private static Quantity Shares(long s) => Quantity.FromRaw(s * Quantity.Scale);
    private static Hash32 Id(byte b) { var bytes = new byte[32]; bytes[31] = b; return Hash32.FromBytes(bytes); }

    private static DesiredQuote Bid(int price, long size) => new()
    {
        TokenIndex = 3, HasBid = true, BidPrice = Price.FromRaw(price), BidSize = Shares(size),
    };

    private static LiveOrderView Live(byte id, Side side, int price, long remaining, bool pendingCancel = false) =>
        new(Id(id), 3, side, Price.FromRaw(price), Shares(100), Shares(remaining), pendingCancel);

    private static IntentBuffer Diff(in DesiredQuote desired, params LiveOrderView[] live)
    {
        var buffer = new IntentBuffer(16);
        long refused = 0;
        QuoteDiffer.Diff(in desired, live, TickSize.Hundredth, 7, 1_234, Options, buffer, ref refused);
        Assert.Equal(0, refused);
        return buffer;
    }

    [Fact]
    public void NoLiveOrder_PlacesAPostOnlyGtcMakerQuote()
    {
        var intents = Diff(Bid(480_000, 50));
        Assert.Equal(1, intents.Count);
        var intent = intents[0];
        Assert.Equal(IntentKind.Place, intent.Kind);
        Assert.Equal(OrderOrigin.MakerQuote, intent.Origin);
        Assert.True(intent.PostOnly);
        Assert.Equal(IntentTimeInForce.Gtc, intent.TimeInForce);
        Assert.Equal(Side.Buy, intent.Side);
        Assert.Equal(3, intent.TokenIndex);
        Assert.Equal(7, intent.MarketIndex);
        Assert.Equal(480_000, intent.Price.Raw);
        Assert.Equal(Shares(50), intent.Size);
        Assert.Equal(1_234, intent.CreatedMs);
    }

    [Fact]
    public void SmallMoves_WithinTolerance_EmitNothing()
    {
        Assert.Equal(0, Diff(Bid(480_000, 55), Live(1, Side.Buy, 480_000, 50)).Count);  // +10% size
        Assert.Equal(0, Diff(Bid(490_000, 50), Live(1, Side.Buy, 480_000, 50)).Count);  // 1 tick < 2
    }

    [Fact]
    public void MovesAtTheTolerance_Replace()
    {
        var intents = Diff(Bid(500_000, 50), Live(1, Side.Buy, 480_000, 50)); // 2 ticks
        Assert.Equal(1, intents.Count);
        Assert.Equal(IntentKind.Replace, intents[0].Kind);
        Assert.Equal(Id(1), intents[0].TargetOrderId);
        Assert.Equal(500_000, intents[0].Price.Raw);

        intents = Diff(Bid(480_000, 60), Live(1, Side.Buy, 480_000, 50)); // +20% size
        Assert.Equal(IntentKind.Replace, intents[0].Kind);

        intents = Diff(Bid(480_000, 50), Live(1, Side.Buy, 480_000, 10)); // partly filled: top up
        Assert.Equal(IntentKind.Replace, intents[0].Kind);
    }

    [Fact]
    public void OffGridOrder_AfterTickChange_IsReplaced()
    {
        var intents = Diff(Bid(480_000, 50), Live(1, Side.Buy, 485_000, 50));
        Assert.Equal(IntentKind.Replace, intents[0].Kind);
    }

    [Fact]
    public void UnwantedSide_IsCancelled_AndExtraOrdersToo()
    {
        var intents = Diff(new DesiredQuote { TokenIndex = 3 }, Live(1, Side.Buy, 480_000, 50), Live(2, Side.Sell, 520_000, 50));
        Assert.Equal(2, intents.Count);
        Assert.All(intents.AsSpan().ToArray(), i => Assert.Equal(IntentKind.Cancel, i.Kind));

        intents = Diff(Bid(480_000, 50), Live(1, Side.Buy, 470_000, 50), Live(2, Side.Buy, 480_000, 50));
        Assert.Equal(1, intents.Count);
        Assert.Equal(IntentKind.Cancel, intents[0].Kind);
        Assert.Equal(Id(1), intents[0].TargetOrderId);
    }

    [Fact]
    public void PendingCancel_IsIgnored_AndTheQuotePlacedAgain()
    {
        var intents = Diff(Bid(480_000, 50), Live(1, Side.Buy, 480_000, 50, pendingCancel: true));
        Assert.Equal(1, intents.Count);
        Assert.Equal(IntentKind.Place, intents[0].Kind);
    }

    [Fact]
    public void SmallSink_Grows_AndLosesNoIntent()
    {
        var buffer = new IntentBuffer(1);
        long refused = 0;
        var desired = Bid(480_000, 50);
        desired.HasAsk = true;
        desired.AskPrice = Price.FromRaw(520_000);
        desired.AskSize = Shares(50);
        QuoteDiffer.Diff(in desired, [], TickSize.Hundredth, 0, 0, Options, buffer, ref refused);
        Assert.Equal(2, buffer.Count);
        Assert.Equal(0, refused);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer[2]);
    }

    [Fact]
    public void Options_RejectZeroTolerance()
    {
        var e = Assert.Throws<ArgumentException>(() => new QuoteOptions { PriceToleranceTicks = 0 }.Validate());
        Assert.Contains("PriceToleranceTicks", e.Message);
    }
}
