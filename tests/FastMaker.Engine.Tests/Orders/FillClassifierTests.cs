using FastMaker.Engine.Orders;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;
using static FastMaker.Engine.Tests.Orders.OrdersHarness;

namespace FastMaker.Engine.Tests.Orders;

/// <summary>Maker or taker from each source in order, and never from a missing flag.</summary>
public class FillClassifierTests
{
    [Fact]
    public void PostOnly_IsMaker_ByOrigin_EvenIfTheTradeSaysTaker()
    {
        var liquidity = FillClassifier.Classify(true, OrderOrigin.MakerQuote, TradeRole.Taker, TraderSide.Taker, 1, out var source);
        Assert.Equal(FillLiquidity.Maker, liquidity);
        Assert.Equal(ClassificationSource.Origin, source);
    }

    [Theory]
    [InlineData(TradeRole.Taker, FillLiquidity.Taker)]
    [InlineData(TradeRole.Maker, FillLiquidity.Maker)]
    public void NotPostOnly_OrderIdsDecide_OverTheFlag(TradeRole role, FillLiquidity expected)
    {
        var flag = role == TradeRole.Taker ? TraderSide.Maker : TraderSide.Taker;
        var liquidity = FillClassifier.Classify(false, OrderOrigin.MakerQuote, role, flag, -1, out var source);
        Assert.Equal(expected, liquidity);
        Assert.Equal(ClassificationSource.TradeOrderIds, source);
    }

    [Fact]
    public void NoIds_TraderSideFlagDecides()
    {
        Assert.Equal(FillLiquidity.Taker, FillClassifier.Classify(false, OrderOrigin.TakerExit, TradeRole.None, TraderSide.Taker, 0, out var source));
        Assert.Equal(ClassificationSource.TraderSideFlag, source);
    }

    [Theory]
    [InlineData(1, FillLiquidity.Taker)]
    [InlineData(0, FillLiquidity.Maker)]
    public void NoIdsNoFlag_BookAtSubmitDecides(int crossed, FillLiquidity expected)
    {
        var liquidity = FillClassifier.Classify(false, OrderOrigin.Operator, TradeRole.None, TraderSide.None, (sbyte)crossed, out var source);
        Assert.Equal(expected, liquidity);
        Assert.Equal(ClassificationSource.Book, source);
    }

    [Fact]
    public void NothingKnown_IsUnknown_NeverDefaultedToMaker()
    {
        Assert.Equal(FillLiquidity.Unknown, FillClassifier.Classify(false, OrderOrigin.Adopted, TradeRole.None, TraderSide.None, -1, out var source));
        Assert.Equal(ClassificationSource.None, source);
    }

    [Fact]
    public void TrackedFills_MissingTraderSide_ClassifiedFromOrderIds()
    {
        var h = new OrdersHarness();
        var taker = h.Submit(h.Intent(h.Yes(), Side.Buy, "0.50", "10", postOnly: false, origin: OrderOrigin.TakerExit));
        var maker = h.Submit(h.Intent(h.No(), Side.Buy, "0.40", "10", postOnly: false, origin: OrderOrigin.Operator));
        h.TakerFill(TradeId(1), taker, "10", "0.50", TradeStatusCode.Matched, TraderSide.None);
        h.MakerFill(TradeId(2), maker, "10", TradeStatusCode.Matched, TraderSide.None);

        Assert.True(h.Orders.TryGetFill(TradeId(1), taker, out var t));
        Assert.Equal(FillLiquidity.Taker, t.Liquidity);
        Assert.Equal(ClassificationSource.TradeOrderIds, t.Source);
        Assert.True(h.Orders.TryGetFill(TradeId(2), maker, out var m));
        Assert.Equal(FillLiquidity.Maker, m.Liquidity);
        Assert.Equal(ClassificationSource.TradeOrderIds, m.Source);
        Assert.Equal(1, h.Orders.FillsBy(FillLiquidity.Taker));
        Assert.Equal(1, h.Orders.FillsBy(FillLiquidity.Maker));
        Assert.Equal(2, h.Orders.FillsBy(ClassificationSource.TradeOrderIds));
    }

    [Fact]
    public void TrackedPostOnlyQuote_IsMakerByOrigin()
    {
        var h = new OrdersHarness();
        var quote = h.Submit(h.Yes(), Side.Buy, "0.50", "10", postOnly: true);
        h.MakerFill(TradeId(1), quote, "10", TradeStatusCode.Matched, TraderSide.None);
        Assert.True(h.Orders.TryGetFill(TradeId(1), quote, out var f));
        Assert.Equal(FillLiquidity.Maker, f.Liquidity);
        Assert.Equal(ClassificationSource.Origin, f.Source);
    }

    [Fact]
    public void CrossedAtSubmit_IsTakenFromTheEngineBook_AndDecidesWhenNothingElseDoes()
    {
        var h = new OrdersHarness();
        var before = h.Intent(h.Yes(), Side.Buy, "0.52", "10", postOnly: false, origin: OrderOrigin.Operator);
        var noBook = h.NewId();
        h.Risk.Reserve(in before, in noBook);
        Assert.Equal(-1, h.Get(noBook).CrossedAtSubmit);

        FeedBook(h, h.Yes(), ("0.48", "100"), ("0.52", "100"));
        var crossing = h.NewId();
        h.Risk.Reserve(in before, in crossing);
        var resting = h.NewId();
        var passive = h.Intent(h.Yes(), Side.Buy, "0.50", "10", postOnly: false, origin: OrderOrigin.Operator);
        h.Risk.Reserve(in passive, in resting);
        Assert.Equal(1, h.Get(crossing).CrossedAtSubmit);
        Assert.Equal(0, h.Get(resting).CrossedAtSubmit);

        // A fill whose trade carries no ids of ours for the order and no flag: only the book can decide.
        var liquidity = FillClassifier.Classify(false, OrderOrigin.Operator, TradeRole.None, TraderSide.None, h.Get(crossing).CrossedAtSubmit, out var source);
        Assert.Equal(FillLiquidity.Taker, liquidity);
        Assert.Equal(ClassificationSource.Book, source);
    }

    private static void FeedBook(OrdersHarness h, int token, (string P, string S) bid, (string P, string S) ask)
    {
        var begin = new FastMaker.Engine.Pipeline.InboundEvent { Kind = FastMaker.Engine.Pipeline.InboundKind.BookBegin, ReceiveMs = 1_000, FrameSequence = 1 };
        begin.Payload.Book = new BookSnapshot { AssetId = h.Asset(token), TickSize = TickSize.Hundredth, HasTickSize = true, BidCount = 1, AskCount = 1 };
        h.Engine.OnEvent(ref begin);
        var level = new FastMaker.Engine.Pipeline.InboundEvent { Kind = FastMaker.Engine.Pipeline.InboundKind.BookLevel, ReceiveMs = 1_000, FrameSequence = 1 };
        level.Payload.BookLevel = new FastMaker.Polymarket.Parsing.BookLevel { Side = Side.Buy, Price = P(bid.P), Size = Q(bid.S) };
        h.Engine.OnEvent(ref level);
        level.Payload.BookLevel = new FastMaker.Polymarket.Parsing.BookLevel { Side = Side.Sell, Price = P(ask.P), Size = Q(ask.S), Index = 0 };
        h.Engine.OnEvent(ref level);
        var end = begin;
        end.Kind = FastMaker.Engine.Pipeline.InboundKind.BookEnd;
        h.Engine.OnEvent(ref end);
        Assert.True(h.Engine.Books.Book(token)!.IsTrusted);
    }
}
