using FastMaker.Primitives;
using FastMaker.Venue.Scenarios;

namespace FastMaker.Venue.Flow;

/// <summary>
/// Another market maker: every refresh it cancels its quotes and posts bids on YES (BUY YES) and asks
/// on YES as BUY NO orders, around fair value, so it needs only collateral.
/// </summary>
public sealed class QuotingMaker : FlowAgent
{
    private readonly AgentSpec _spec;
    private DateTimeOffset _nextRefresh;

    /// <summary>Creates the agent; it quotes first at <paramref name="start"/>.</summary>
    public QuotingMaker(AgentSpec spec, EthAddress address, IReadOnlyList<FlowMarket> markets, ulong seed, DateTimeOffset start)
        : base(spec.Name, address, markets, seed)
    {
        _spec = spec;
        _nextRefresh = start;
    }

    /// <inheritdoc />
    public override void Step(FlowContext context, DateTimeOffset now)
    {
        if (now < _nextRefresh)
            return;
        _nextRefresh = now + TimeSpan.FromSeconds(_spec.RefreshSeconds);
        foreach (FlowMarket market in Markets)
        {
            context.Engine.CancelMarket(Owner, market.Market.ConditionId, null);
            if (!market.Tradable)
                continue;
            TickSize tick = market.Market.TickSize;
            int t = tick.Value.Raw;
            int center = FlowContext.RoundToTick(market.FairValue, tick);
            for (int level = 0; level < _spec.Levels; level++)
            {
                int distance = (_spec.HalfSpreadTicks + level) * t;
                long size = Math.Max(RandomSize(_spec.MinSize, _spec.MaxSize), RoundUpToCents(market.Market.MinOrderSize.Raw));
                int bid = center - distance;
                int ask = center + distance;
                if (bid >= t)
                    SubmitLimit(context, market, 0, Side.Buy, bid, size);
                if (ask <= Price.Scale - t)
                    SubmitLimit(context, market, 1, Side.Buy, Price.Scale - ask, size);
            }
        }
    }
}
