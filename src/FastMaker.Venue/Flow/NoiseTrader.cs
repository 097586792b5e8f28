using FastMaker.Primitives;
using FastMaker.Venue.Matching;
using FastMaker.Venue.Scenarios;

namespace FastMaker.Venue.Flow;

/// <summary>
/// Uninformed flow: Poisson arrivals of limit orders scattered around fair value (mostly passive) and
/// of FAK market orders; buys either outcome, sells tokens it holds; keeps a bounded number of orders open.
/// </summary>
public sealed class NoiseTrader : FlowAgent
{
    private readonly AgentSpec _spec;
    private readonly Queue<Hash32> _open = new();
    private DateTimeOffset _nextArrival;

    /// <summary>Creates the agent; the first arrival is drawn from <paramref name="start"/>.</summary>
    public NoiseTrader(AgentSpec spec, EthAddress address, IReadOnlyList<FlowMarket> markets, ulong seed, DateTimeOffset start)
        : base(spec.Name, address, markets, seed)
    {
        _spec = spec;
        _nextArrival = spec.RatePerSecond > 0 ? start + TimeSpan.FromSeconds(Random.NextExponential(spec.RatePerSecond)) : DateTimeOffset.MaxValue;
    }

    /// <inheritdoc />
    public override void Step(FlowContext context, DateTimeOffset now)
    {
        while (_nextArrival <= now)
        {
            Act(context);
            _nextArrival += TimeSpan.FromSeconds(Random.NextExponential(_spec.RatePerSecond));
        }
    }

    private void Act(FlowContext context)
    {
        FlowMarket market = Markets[(int)Random.NextLong(0, Markets.Count - 1)];
        int outcome = Random.NextDouble() < 0.5 ? 0 : 1;
        bool marketOrder = Random.NextDouble() < _spec.MarketOrderFraction;
        long size = RandomSize(_spec.MinSize, _spec.MaxSize);
        bool sell = Random.NextDouble() < 0.5;
        int offsetTicks = (int)Random.NextLong(-_spec.MaxDistanceTicks, 1);
        if (!market.Tradable)
            return;

        TickSize tick = market.Market.TickSize;
        int t = tick.Value.Raw;
        double fair = outcome == 0 ? market.FairValue : 1 - market.FairValue;
        int center = FlowContext.RoundToTick(fair, tick);
        Side side = Side.Buy;
        if (sell)
        {
            long held = AvailableTokens(context, market, outcome);
            held -= held % 10_000;
            if (held >= 10_000)
            {
                side = Side.Sell;
                size = Math.Min(size, held);
            }
        }

        if (marketOrder)
        {
            int worst = side == Side.Buy ? center + _spec.MaxDistanceTicks * t : center - _spec.MaxDistanceTicks * t;
            worst = Math.Clamp(worst, t, Price.Scale - t);
            long amount = side == Side.Buy ? Math.Max(1_000_000, (long)((UInt128)(ulong)size * (ulong)worst / Price.Scale)) : size;
            SubmitMarket(context, market, outcome, side, worst, amount);
            return;
        }

        int price = side == Side.Buy ? center + offsetTicks * t : center - offsetTicks * t;
        price = Math.Clamp(price, t, Price.Scale - t);
        if (size < market.Market.MinOrderSize.Raw)
            size = RoundUpToCents(market.Market.MinOrderSize.Raw);
        SubmitResult result = SubmitLimit(context, market, outcome, side, price, size);
        if (result.Success && result.Status == SubmitResult.StatusLive)
        {
            _open.Enqueue(result.OrderId);
            while (_open.Count > _spec.MaxOpenOrders)
                context.Engine.Cancel(Owner, _open.Dequeue());
        }
    }
}
