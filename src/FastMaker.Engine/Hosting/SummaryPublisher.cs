using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Signing;

namespace FastMaker.Engine.Hosting;

/// <summary>
/// Publishes an <see cref="EngineSummary"/> from the engine thread every <c>periodMs</c> of engine time (and on demand
/// once the engine has stopped), so that other threads never read the engine's state directly. Building a summary
/// allocates (cold: about once a second).
/// </summary>
public sealed class SummaryPublisher : IEngineObserver
{
    private readonly long _periodMs;
    private readonly SignStage? _signer;
    private EngineSummary? _latest;
    private long _lastMs = long.MinValue;

    /// <summary>Creates a publisher that refreshes every <paramref name="periodMs"/> of engine time.</summary>
    /// <param name="signer">The sign stage whose counts are the orders and cancels sent; null when there is none (replay).</param>
    /// <param name="periodMs">Engine time between two summaries.</param>
    public SummaryPublisher(SignStage? signer, long periodMs = 1_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(periodMs, 1);
        _signer = signer;
        _periodMs = periodMs;
    }

    /// <summary>The latest published summary (any thread), or null before the first.</summary>
    public EngineSummary? Latest => Volatile.Read(ref _latest);

    /// <inheritdoc />
    public void AfterEvent(EngineCore engine, ref InboundEvent e)
    {
        // The first event always publishes (NowMs - long.MinValue would overflow to a negative gap and never publish).
        if (_lastMs != long.MinValue && engine.NowMs - _lastMs < _periodMs)
        {
            return;
        }

        _lastMs = engine.NowMs;
        Publish(engine);
    }

    /// <summary>Builds and publishes a summary now. Call on the engine thread, or after the engine has stopped.</summary>
    public EngineSummary Publish(EngineCore engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var summary = Build(engine, _signer);
        // Release: a reader that sees the reference sees the fully built summary.
        Volatile.Write(ref _latest, summary);
        return summary;
    }

    /// <summary>Builds a summary of <paramref name="engine"/> (engine thread, or after it stopped).</summary>
    public static EngineSummary Build(EngineCore engine, SignStage? signer)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var rejects = new Dictionary<GateRejectReason, long>();
        if (engine.Gate is { } gate)
        {
            foreach (var reason in Enum.GetValues<GateRejectReason>())
            {
                var n = reason == GateRejectReason.None ? 0 : gate.Stats.Rejects(reason);
                if (n > 0)
                {
                    rejects[reason] = n;
                }
            }
        }

        var registry = engine.Registry;
        var positions = new List<PositionSummary>(registry.TokenCount);
        long unrealized = 0;
        for (var t = 0; t < registry.TokenCount; t++)
        {
            var market = registry.MarketOfToken(t);
            var isYes = market.YesIndex == t;
            var shares = engine.Positions.Shares(t);
            var cost = engine.Positions.CostBasis(t);
            long mid = -1;
            if (engine.Books.Book(t) is { } book && book.TryGetBestBid(out var bid, out _) && book.TryGetBestAsk(out var ask, out _))
            {
                mid = ((long)bid.Raw + ask.Raw) / 2;
                unrealized += (long)((Int128)shares * mid / 1_000_000) - cost;
            }

            var outcome = market.Outcomes.Length == 2 ? market.Outcomes[isYes ? 0 : 1] : isYes ? "Yes" : "No";
            var name = string.IsNullOrEmpty(market.Question) ? market.ConditionId.ToString() : market.Question;
            positions.Add(new PositionSummary((isYes ? market.YesToken : market.NoToken).ToString(), outcome, name, shares, cost, mid));
        }

        var orders = engine.Orders;
        return new EngineSummary
        {
            AsOfMs = engine.NowMs,
            Events = TotalEvents(engine),
            OrdersPosted = signer?.OrdersSigned ?? 0,
            CancelsSent = signer?.CancelsPrepared ?? 0,
            IntentsApproved = engine.IntentsApproved,
            OpenOrders = CountOpen(orders),
            Fills = orders.FillsApplied,
            MakerFills = orders.FillsBy(FillLiquidity.Maker),
            TakerFills = orders.FillsBy(FillLiquidity.Taker),
            UnknownLiquidityFills = orders.FillsBy(FillLiquidity.Unknown),
            VenueRejects = orders.PostRejects,
            GateRejects = rejects,
            Collateral = engine.Positions.Collateral,
            RealizedPnl = engine.Positions.NetRealizedPnl,
            FeesPaid = engine.Positions.FeesPaid,
            UnrealizedPnl = unrealized,
            Positions = positions,
            KillSwitchOn = engine.Risk.KillSwitchOn,
        };
    }

    private static long TotalEvents(EngineCore engine)
    {
        long total = 0;
        foreach (var kind in Enum.GetValues<InboundKind>())
        {
            total += engine.EventCount(kind);
        }

        return total;
    }

    private static int CountOpen(OrderTracker orders)
    {
        var n = 0;
        for (var slot = 0; slot < orders.Capacity; slot++)
        {
            if (!orders[slot].Id.IsZero && orders[slot].State.IsOpen())
            {
                n++;
            }
        }

        return n;
    }
}
