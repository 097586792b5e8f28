using FastMaker.Engine.Registry;
using FastMaker.Engine.Time;
using FastMaker.Primitives;
using static FastMaker.Engine.Tests.Registry.EngineHarness;

namespace FastMaker.Engine.Tests.Registry;

public class MetadataRefreshTests
{
    private readonly EngineHarness _h = new();

    private MarketChangeKind ChangesOf(int n)
    {
        var index = _h.Market(n).MarketIndex;
        foreach (var change in _h.Engine.Metadata.LastChanges)
        {
            if (change.MarketIndex == index)
            {
                return change.Kinds;
            }
        }

        return MarketChangeKind.None;
    }

    [Fact]
    public void FirstRefresh_AddsMarkets_AppliesTheirFacts_AndMakesThemActive()
    {
        _h.Refresh(T0, true, Meta(1), Meta(2));

        Assert.Equal(2, _h.Engine.Registry.MarketCount);
        var m = _h.Market(1);
        Assert.Equal(MarketChangeKind.Added, ChangesOf(1));
        Assert.Equal(TickSize.Hundredth, m.Tick);
        Assert.Equal(T0 + 48 * Hour, m.EndMs);
        Assert.Equal("e1", m.EventId);
        Assert.Equal(MarketState.Active, m.State);
        Assert.True(m.CanQuote);
        Assert.Equal(0, _h.Intents.Count);
        Assert.Empty(_h.Log.Lines);
    }

    [Fact]
    public void Refresh_ThatChangesTickSize_ReportsIt_AndRegridsTheBooks()
    {
        _h.Refresh(T0, true, Meta(1));
        var market = _h.Market(1);
        var book = _h.Engine.Books.Book(market.YesIndex);
        Assert.Null(book); // no snapshot yet: nothing to re-grid, the tick still lands on the market

        _h.Refresh(T0 + 1, true, Meta(1) with { Tick = TickSize.Thousandth });

        Assert.Equal(MarketChangeKind.TickSize, ChangesOf(1));
        Assert.Equal(TickSize.Thousandth, market.Tick);
        Assert.Equal(MarketState.Active, market.State);
        Assert.Equal(0, _h.Intents.Count);
    }

    [Fact]
    public void Refresh_ThatChangesTickSize_RegridsAnExistingBook_KeepingItsLevels()
    {
        _h.Refresh(T0, true, Meta(1));
        var market = _h.Market(1);
        var engine = _h.Engine;
        var translator = new FastMaker.Engine.Pipeline.FrameTranslator<FastMaker.Engine.Pipeline.DirectEngineTarget>(
            new FastMaker.Engine.Pipeline.DirectEngineTarget(engine));
        var json = "{\"event_type\":\"book\",\"market\":\"" + market.ConditionId + "\",\"asset_id\":\"" + market.YesToken
            + "\",\"timestamp\":\"1786604072222\",\"hash\":\"ed47eb91f3c7985fac1cb18cb7c19535eddd3c0a\",\"bids\":[{\"price\":\"0.48\",\"size\":\"100\"}],\"asks\":[{\"price\":\"0.52\",\"size\":\"80\"}]}";
        translator.BeginFrame(FastMaker.Engine.Pipeline.InboundChannel.Market, 0, T0 + 1, 1_000);
        new FastMaker.Polymarket.Parsing.MarketChannelParser().Parse(
            new System.Buffers.ReadOnlySequence<byte>(System.Text.Encoding.UTF8.GetBytes(json)), ref translator);
        var book = engine.Books.Book(market.YesIndex)!;
        Assert.Equal(TickSize.Hundredth, book.Tick);

        _h.Refresh(T0 + 2, true, Meta(1) with { Tick = TickSize.Thousandth });

        Assert.Equal(MarketChangeKind.TickSize, ChangesOf(1));
        Assert.Equal(TickSize.Thousandth, book.Tick);
        Assert.Equal(Quantity.Parse("100"), book.SizeAt(Side.Buy, Price.Parse("0.48")));
    }

    [Fact]
    public void Refresh_ThatStopsAcceptingOrders_ReportsIt_CancelsAll_AndHalts()
    {
        _h.Refresh(T0, true, Meta(1), Meta(2));
        _h.Refresh(T0 + 1, true, Meta(1) with { AcceptingOrders = false }, Meta(2));

        Assert.Equal(MarketChangeKind.AcceptingOrders, ChangesOf(1));
        Assert.Equal(MarketChangeKind.None, ChangesOf(2));
        Assert.Equal(MarketState.Halted, _h.Market(1).State);
        Assert.Equal([1], _h.CancelAllMarkets());

        _h.Refresh(T0 + 2, true, Meta(1), Meta(2));
        Assert.Equal(MarketChangeKind.AcceptingOrders, ChangesOf(1));
        Assert.Equal(MarketState.Active, _h.Market(1).State);
    }

    [Fact]
    public void Refresh_ReportsMinSizeClosedEndDateFeesRewardsAndResolutionChanges()
    {
        _h.Refresh(T0, true, Meta(1));
        _h.Refresh(T0 + 1, true, Meta(1) with
        {
            MinOrderSize = Quantity.Parse("10"),
            EndMs = T0 + 72 * Hour,
            TakerFeeRateBps = 500,
            RewardsMinSize = Quantity.Parse("50"),
            Resolution = ResolutionStatus.Proposed,
        });

        Assert.Equal(
            MarketChangeKind.MinOrderSize | MarketChangeKind.EndDate | MarketChangeKind.Fees | MarketChangeKind.Rewards | MarketChangeKind.Resolution,
            ChangesOf(1));
        Assert.Equal(MarketState.ChallengeWindow, _h.Market(1).State);
        Assert.Equal(T0 + 1, _h.Market(1).ProposalMs);
    }

    [Fact]
    public void NegRiskFlagChange_CancelsAllOfTheEventFirst_ThenHaltsUntilTheNextCleanRefresh()
    {
        _h.Refresh(T0, true, Meta(1, "A"), Meta(2, "A"), Meta(3, "B"));
        Assert.Equal(0, _h.Intents.Count);

        // Event A becomes a negRisk event; market 2 ends within the wind-down window in the same refresh.
        _h.Refresh(T0 + 1, true, Meta(1, "A", negRisk: true), Meta(2, "A", negRisk: true) with { EndMs = T0 + 1 + Hour / 4 }, Meta(3, "B"));

        Assert.Equal(MarketChangeKind.NegRiskFlags | MarketChangeKind.Halt, ChangesOf(1));
        Assert.Equal(MarketChangeKind.NegRiskFlags | MarketChangeKind.EndDate | MarketChangeKind.Halt, ChangesOf(2));
        Assert.Equal(MarketChangeKind.None, ChangesOf(3));
        // Cancel-all for both markets of A, before anything else, and nothing for B; no second cancel for market 2's wind-down.
        Assert.Equal([1, 2], _h.CancelAllMarkets());
        Assert.Equal(MarketState.Halted, _h.Market(1).State);
        Assert.Equal(MarketState.Halted, _h.Market(2).State);
        Assert.Contains("negRisk flags changed", _h.Market(1).HaltReason);
        Assert.False(_h.Market(1).CanQuote);
        Assert.Equal(MarketState.Active, _h.Market(3).State);

        // Housekeeping does not lift a metadata halt.
        _h.Tick(T0 + 2);
        Assert.Equal(MarketState.Halted, _h.Market(1).State);

        // The next refresh with unchanged flags is clean: the halt lifts and the clocks decide again.
        _h.Refresh(T0 + 3, true, Meta(1, "A", negRisk: true), Meta(2, "A", negRisk: true) with { EndMs = T0 + 1 + Hour / 4 }, Meta(3, "B"));
        Assert.Null(_h.Market(1).HaltReason);
        Assert.Equal(MarketChangeKind.Halt, ChangesOf(1));
        Assert.Equal(MarketState.Active, _h.Market(1).State);
        Assert.Equal(MarketState.WindDown, _h.Market(2).State);
        Assert.True(_h.Market(1).CanQuote);
        Assert.Equal(2, _h.Intents.Count); // WindDown after Halted: both forbid quotes, and Halted already cancelled
    }

    [Fact]
    public void AugmentedFlagChange_OnTheEvent_HaltsEveryMarketOfIt()
    {
        _h.Refresh(T0, true, Meta(1, "A", true), Meta(2, "A", true), Meta(3, "B", true));
        _h.Refresh(T0 + 1, true, Meta(1, "A", true) with { NegRiskAugmented = true }, Meta(2, "A", true) with { NegRiskAugmented = true }, Meta(3, "B", true));
        Assert.Equal([1, 2], _h.CancelAllMarkets());
    }

    [Fact]
    public void EventBindingChange_HaltsTheMarket_AndBothEventsMarkets()
    {
        _h.Refresh(T0, true, Meta(1, "A"), Meta(2, "A"), Meta(3, "C"), Meta(4, "D"));
        _h.Refresh(T0 + 1, true, Meta(1, "A"), Meta(2, "C"), Meta(3, "C"), Meta(4, "D"));

        Assert.Equal(MarketChangeKind.EventBinding | MarketChangeKind.Halt, ChangesOf(2));
        Assert.Equal(MarketChangeKind.Halt, ChangesOf(1));
        Assert.Equal([1, 2, 3], _h.CancelAllMarkets());
        Assert.Contains("event binding changed (A -> C)", _h.Market(2).HaltReason);
        Assert.Contains("event A:", _h.Market(1).HaltReason);
        Assert.Equal(MarketState.Active, _h.Market(4).State);
    }

    [Fact]
    public void MarketAbsentFromACompleteRefresh_IsNotQuoted_ButAPartialRefreshChangesNothing()
    {
        _h.Refresh(T0, true, Meta(1), Meta(2));
        _h.Refresh(T0 + 1, false, Meta(1));
        Assert.Null(_h.Market(2).NotQuotableReason);

        _h.Refresh(T0 + 2, true, Meta(1));
        Assert.Equal("absent from the latest complete metadata refresh", _h.Market(2).NotQuotableReason);
        Assert.Equal(MarketState.Halted, _h.Market(2).State);
        Assert.Equal([2], _h.CancelAllMarkets());
    }

    [Fact]
    public void NotQuotableMarket_LogsItsReasonOnce_NotPerRefreshOrTick()
    {
        var broken = Meta(1) with { Tick = null, Problems = new Dictionary<string, string> { ["tickSize"] = "orderPriceMinTickSize missing" } };
        for (var i = 0; i < 5; i++)
        {
            _h.Refresh(T0 + i, true, broken);
            _h.Tick(T0 + i);
        }

        Assert.Equal(MarketState.Halted, _h.Market(1).State);
        Assert.Equal("orderPriceMinTickSize missing", _h.Market(1).NotQuotableReason);
        Assert.Null(_h.Market(1).Tick);
        Assert.Equal(1, _h.Log.Count("orderPriceMinTickSize missing"));
        Assert.Single(_h.Log.Lines);
    }

    [Fact]
    public void RejectedMarket_IsLoggedOnce_AndAKnownOneStopsQuoting()
    {
        _h.Refresh(T0, true, Meta(1));
        var rejections = new RejectedMarket[]
        {
            new("0xbad", "conditionId missing or not 0x + 64 hex: '0xbad'"),
            new(ConditionOf(1).ToString(), "clobTokenIds must hold 2 token ids, got 0"),
        };
        for (var i = 1; i <= 3; i++)
        {
            _h.Refresh(T0 + i, new MetadataRefresh([], rejections, false));
        }

        Assert.Equal(1, _h.Log.Count("could not be identified"));
        Assert.Equal(1, _h.Log.Count("metadata rejected: clobTokenIds"));
        Assert.Equal(MarketState.Halted, _h.Market(1).State);
    }

    [Fact]
    public void MarketWhoseTokenBelongsToAnotherMarket_IsRejected()
    {
        _h.Refresh(T0, true, Meta(1));
        var clash = Meta(2) with { YesToken = Meta(1).YesToken };
        _h.Refresh(T0 + 1, false, clash);
        Assert.Equal(1, _h.Engine.Registry.MarketCount);
        Assert.Equal(1, _h.Log.Count("already belongs to another market"));
    }

    [Fact]
    public void MetadataEventWithoutARefreshObject_IsCountedAndIgnored()
    {
        var e = new FastMaker.Engine.Pipeline.InboundEvent { Kind = FastMaker.Engine.Pipeline.InboundKind.MetadataRefresh, ReceiveMs = T0, Cold = "not a refresh" };
        _h.Deliver(ref e);
        Assert.Equal(1, _h.Engine.MalformedColdEvents);
        Assert.Equal(0, _h.Engine.Registry.MarketCount);
    }

    [Fact]
    public void UmaProposal_SeenFirstAtARefresh_StartsTheChallengeWindowThere()
    {
        _h.Refresh(T0, true, Meta(1));
        _h.Refresh(T0 + Hour, true, Meta(1) with { Resolution = ResolutionStatus.Proposed });
        Assert.Equal(MarketState.ChallengeWindow, _h.Market(1).State);

        _h.Tick(T0 + 3 * Hour - 1);
        Assert.Equal(MarketState.ChallengeWindow, _h.Market(1).State);
        _h.Tick(T0 + 3 * Hour);
        Assert.Equal(MarketState.Resolved, _h.Market(1).State);

        // A dispute reopens it; a new proposal round restarts the window.
        _h.Refresh(T0 + 4 * Hour, true, Meta(1) with { Resolution = ResolutionStatus.Disputed });
        Assert.Equal(MarketState.ChallengeWindow, _h.Market(1).State);
        _h.Refresh(T0 + 5 * Hour, true, Meta(1) with { Resolution = ResolutionStatus.Proposed });
        Assert.Equal(T0 + 5 * Hour, _h.Market(1).ProposalMs);
    }
}
