using FastMaker.Primitives;
using FastMaker.Venue.Scenarios;

namespace FastMaker.Venue.Flow;

/// <summary>
/// Toxic flow: knows the scheduled fair-value jumps and, during the lead window before each, buys the
/// outcome that is about to rise with FAK orders up to just below its post-jump value.
/// </summary>
public sealed class InformedTrader : FlowAgent
{
    private readonly AgentSpec _spec;
    private readonly List<ScheduledJump> _jumps;

    /// <summary>Creates the agent with the jumps it knows about.</summary>
    public InformedTrader(AgentSpec spec, EthAddress address, IReadOnlyList<FlowMarket> markets, ulong seed, List<ScheduledJump> jumps)
        : base(spec.Name, address, markets, seed)
    {
        _spec = spec;
        _jumps = jumps;
    }

    /// <inheritdoc />
    public override void Step(FlowContext context, DateTimeOffset now)
    {
        double chance = _spec.RatePerSecond * context.Step.TotalSeconds;
        foreach (ScheduledJump jump in _jumps)
        {
            if (now >= jump.At || now < jump.At - TimeSpan.FromSeconds(_spec.LeadSeconds))
                continue;
            if (Random.NextDouble() >= chance)
                continue;
            FlowMarket market = jump.Market;
            if (!market.Tradable)
                continue;
            double target = jump.Target(market.FairValue);
            TickSize tick = market.Market.TickSize;
            int t = tick.Value.Raw;
            bool up = target > market.FairValue;
            int outcome = up ? 0 : 1;
            double targetOfOutcome = up ? target : 1 - target;
            int limit = FlowContext.RoundToTick(targetOfOutcome, tick) - t;
            double now01 = up ? market.FairValue : 1 - market.FairValue;
            if (limit <= FlowContext.RoundToTick(now01, tick))
                continue;
            long size = RandomSize(_spec.MinSize, _spec.MaxSize);
            long spend = Math.Max(1_000_000, (long)((UInt128)(ulong)size * (ulong)limit / Price.Scale));
            SubmitMarket(context, market, outcome, Side.Buy, limit, spend);
        }
    }
}
