using FastMaker.Engine.Orders;
using FastMaker.Primitives;

namespace FastMaker.Engine.Quoting;

/// <summary>
/// Compares a token's desired quote with its live orders and emits only the intents that matter: per side, a
/// missing order is placed, an unwanted one cancelled, and a live order replaced only when its price is off by at
/// least <see cref="QuoteOptions.PriceToleranceTicks"/> ticks (or off the tick grid after a tick-size change) or its
/// remaining size by at least <see cref="QuoteOptions.SizeTolerancePercent"/> percent. Extra live orders on a side
/// are cancelled. Orders already pending cancel are ignored. Every intent is a post-only GTC maker quote.
/// </summary>
public static class QuoteDiffer
{
    /// <summary>Diffs one token; returns the number of intents the sink accepted (refusals are counted in <paramref name="refused"/>).</summary>
    public static int Diff(
        in DesiredQuote desired,
        ReadOnlySpan<LiveOrderView> live,
        TickSize tick,
        int marketIndex,
        long nowMs,
        QuoteOptions options,
        IIntentSink sink,
        ref long refused)
    {
        var emitted = DiffSide(in desired, Side.Buy, desired.HasBid, desired.BidPrice, desired.BidSize, live, tick, marketIndex, nowMs, options, sink, ref refused);
        emitted += DiffSide(in desired, Side.Sell, desired.HasAsk, desired.AskPrice, desired.AskSize, live, tick, marketIndex, nowMs, options, sink, ref refused);
        return emitted;
    }

    /// <summary>True when a live order is close enough to the desired price and size to be left alone.</summary>
    public static bool WithinTolerance(in LiveOrderView order, Price price, Quantity size, TickSize tick, QuoteOptions options)
    {
        if (!tick.IsAligned(order.Price))
        {
            return false;
        }

        var ticks = Math.Abs((long)order.Price.Raw - price.Raw) / tick.Value.Raw;
        if (ticks >= options.PriceToleranceTicks)
        {
            return false;
        }

        var remaining = order.RemainingSize.Raw;
        if (remaining <= 0)
        {
            return false;
        }

        // |desired - remaining| / remaining >= X% means the size moved enough to matter.
        return Math.Abs(size.Raw - remaining) * 100 < (long)options.SizeTolerancePercent * remaining;
    }

    private static int DiffSide(
        in DesiredQuote desired,
        Side side,
        bool wanted,
        Price price,
        Quantity size,
        ReadOnlySpan<LiveOrderView> live,
        TickSize tick,
        int marketIndex,
        long nowMs,
        QuoteOptions options,
        IIntentSink sink,
        ref long refused)
    {
        // Keep the live order closest in price to the desired one; every other live order on this side goes.
        var keep = -1;
        var keepDistance = long.MaxValue;
        if (wanted)
        {
            for (var i = 0; i < live.Length; i++)
            {
                ref readonly var order = ref live[i];
                if (order.Side != side || order.PendingCancel || order.TokenIndex != desired.TokenIndex)
                {
                    continue;
                }

                var distance = Math.Abs((long)order.Price.Raw - price.Raw);
                if (distance < keepDistance)
                {
                    keep = i;
                    keepDistance = distance;
                }
            }
        }

        var emitted = 0;
        for (var i = 0; i < live.Length; i++)
        {
            ref readonly var order = ref live[i];
            if (i == keep || order.Side != side || order.PendingCancel || order.TokenIndex != desired.TokenIndex)
            {
                continue;
            }

            emitted += Emit(IntentKind.Cancel, side, in desired, order.Price, order.RemainingSize, order.OrderId, marketIndex, nowMs, sink, ref refused);
        }

        if (!wanted)
        {
            return emitted;
        }

        if (keep < 0)
        {
            return emitted + Emit(IntentKind.Place, side, in desired, price, size, default, marketIndex, nowMs, sink, ref refused);
        }

        if (!WithinTolerance(in live[keep], price, size, tick, options))
        {
            emitted += Emit(IntentKind.Replace, side, in desired, price, size, live[keep].OrderId, marketIndex, nowMs, sink, ref refused);
        }

        return emitted;
    }

    private static int Emit(
        IntentKind kind,
        Side side,
        in DesiredQuote desired,
        Price price,
        Quantity size,
        Hash32 target,
        int marketIndex,
        long nowMs,
        IIntentSink sink,
        ref long refused)
    {
        var intent = new OrderIntent
        {
            Kind = kind,
            Origin = OrderOrigin.MakerQuote,
            Side = side,
            PostOnly = true,
            TimeInForce = IntentTimeInForce.Gtc,
            TokenIndex = desired.TokenIndex,
            MarketIndex = marketIndex,
            Price = price,
            Size = size,
            TargetOrderId = target,
            CreatedMs = nowMs,
        };
        // The sink grows rather than drops: an intent that was decided is never lost.
        sink.Submit(in intent);
        return 1;
    }
}
