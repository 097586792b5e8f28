using FastMaker.Engine.Signals;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Signals;

public class FlowSignalTests
{
    private static Quantity Q(long shares) => Quantity.FromRaw(shares * Quantity.Scale);

    [Fact]
    public void TradeFlow_SumsAggressorVolume_AndExpiresOutsideWindow()
    {
        var flow = new TradeFlow(60_000, 8);
        flow.Add(0, true, Q(30).Raw);
        flow.Add(10_000, false, Q(10).Raw);
        flow.Add(20_000, true, Q(20).Raw);
        Assert.Equal(Q(50).Raw, flow.BuyVolumeRaw);
        Assert.Equal(Q(10).Raw, flow.SellVolumeRaw);
        Assert.Equal(40.0 / 60.0, flow.Imbalance, 12);
        Assert.Equal(3.0, flow.TradesPerMinute, 12);

        flow.Expire(60_000); // the trade at 0 is exactly one window old
        Assert.Equal(2, flow.TradeCount);
        Assert.Equal(Q(20).Raw, flow.BuyVolumeRaw);
        Assert.Equal(Q(20).Raw - Q(10).Raw, flow.NetFlowRaw);
    }

    [Fact]
    public void TradeFlow_FullRing_DropsOldestButStaysConsistent()
    {
        var flow = new TradeFlow(1_000_000, 4);
        for (var i = 0; i < 10; i++)
        {
            flow.Add(i, i % 2 == 0, Q(1).Raw);
        }

        Assert.Equal(4, flow.TradeCount);
        Assert.Equal(Q(2).Raw, flow.BuyVolumeRaw);
        Assert.Equal(Q(2).Raw, flow.SellVolumeRaw);
        Assert.Equal(0, flow.Imbalance);
    }

    [Fact]
    public void Ofi_FollowsContKukanovStoikov_ByHand()
    {
        var ofi = new OrderFlowImbalance(10_000, 16);
        Price P(int raw) => Price.FromRaw(raw);
        ofi.OnTop(0, P(480_000), Q(100), P(520_000), Q(100)); // first: no score
        Assert.Equal(0, ofi.SumRaw);

        ofi.OnTop(1, P(490_000), Q(40), P(520_000), Q(100));  // bid up: +40
        Assert.Equal(Q(40).Raw, ofi.SumRaw);

        ofi.OnTop(2, P(490_000), Q(10), P(520_000), Q(100));  // bid same, 40 -> 10: -30
        Assert.Equal(Q(10).Raw, ofi.SumRaw);

        ofi.OnTop(3, P(490_000), Q(10), P(510_000), Q(25));   // ask down: -25
        Assert.Equal(Q(-15).Raw, ofi.SumRaw);

        ofi.OnTop(4, P(480_000), Q(70), P(530_000), Q(5));    // bid down: -10 ; ask up: +25
        Assert.Equal(Q(0).Raw, ofi.SumRaw);
        Assert.Equal(Q(40 + 30 + 25 + 15).Raw, ofi.SumAbsRaw);

        ofi.Expire(10_001); // everything up to t=1 leaves the window
        Assert.Equal(Q(-40).Raw, ofi.SumRaw); // -30 - 25 + 15
    }

    [Fact]
    public void Ofi_Reset_StartsAfresh()
    {
        var ofi = new OrderFlowImbalance(10_000, 16);
        ofi.OnTop(0, Price.FromRaw(480_000), Q(100), Price.FromRaw(520_000), Q(100));
        ofi.ResetTop();
        ofi.OnTop(1, Price.FromRaw(300_000), Q(1), Price.FromRaw(700_000), Q(1));
        Assert.Equal(0, ofi.SumRaw);
    }
}
