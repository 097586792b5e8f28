using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;
using FsCheck.Xunit;

namespace FastMaker.Engine.Tests.Orders;

/// <summary>
/// Model-based: random sequences of submit, ack, partial fill (trade and order update, in either order), replace,
/// cancel, cancel confirmation, reject, trade failure, reconnect (replayed old events) and reconcile, applied to
/// the engine and to a reference model that only keeps each order's remaining size and the balances. After every
/// step the engine's reservations equal the model's sum over open orders, and available is never negative.
/// </summary>
public class ReservationModelPropertyTests
{
    private sealed class ModelOrder
    {
        public required Hash32 Id;
        public required int Token;
        public required Side Side;
        public required Price Price;
        public required long Original;
        public long Filled;
        public bool Open = true;
        public bool SeenAtVenue;
        public bool CancelRequested;
        public readonly List<(Guid Trade, long Size, bool Failed)> Fills = new();

        public long Remaining => Open ? Original - Filled : 0;
    }

    private sealed class Replayable
    {
        public required Hash32 Id;
        public required long Matched;
    }

    private readonly List<string> _log = new();

    [Property(MaxTest = 150)]
    public void RandomLifecycles_ReservedEqualsModel_AvailableNeverNegative(int seed)
    {
        _log.Clear();
        var rng = new Random(seed);
        var h = new OrdersHarness(markets: 2, collateral: 2_000_000_000);
        long balance = 2_000_000_000;
        var shares = new long[4];
        shares[0] = 300_000_000;
        h.Positions.SetShares(0, Quantity.FromRaw(shares[0]), Amount.FromRaw(120_000_000));
        var orders = new List<ModelOrder>();
        var history = new List<Replayable>();
        var tradeNo = 0;
        long now = 1_000;

        for (var step = 0; step < 120; step++)
        {
            now += 10;
            var op = rng.Next(100);
            _log.Add(step + ":" + op);
            var open = orders.Where(o => o.Open).ToList();
            if (op < 22 || open.Count == 0)
            {
                var token = rng.Next(4);
                var side = rng.Next(4) == 0 ? Side.Sell : Side.Buy;
                var price = Price.FromRaw(rng.Next(1, 100) * 10_000);
                var size = rng.Next(1, 60) * 1_000_000L;
                var intent = h.Intent(token, side, price.ToString(), Quantity.FromRaw(size).ToString(), nowMs: now);
                if (h.Risk.Check(in intent) != GateRejectReason.None)
                {
                    continue;
                }

                var id = h.NewId();
                h.Risk.Reserve(in intent, in id);
                orders.Add(new ModelOrder { Id = id, Token = token, Side = side, Price = price, Original = size });
            }
            else if (op < 32)
            {
                var o = Pick(rng, open);
                if (!o.SeenAtVenue)
                {
                    h.Orders.OnPostAccepted(o.Id, PostStatus.Live, Quantity.Zero, now);
                    o.SeenAtVenue = true;
                }
            }
            else if (op < 55)
            {
                var o = Pick(rng, open);
                var k = rng.Next(1, (int)Math.Min(int.MaxValue, (o.Original - o.Filled) / 1_000_000) + 1) * 1_000_000L;
                var trade = OrdersHarness.TradeId(++tradeNo);
                var updateFirst = rng.Next(2) == 0;
                if (updateFirst)
                {
                    h.Order(o.Id, OrderEventType.Update, Quantity.FromRaw(o.Filled + k).ToString(), nowMs: now);
                }

                h.MakerFill(trade, o.Id, Quantity.FromRaw(k).ToString(), TradeStatusCode.Matched, nowMs: now);
                if (!updateFirst && rng.Next(2) == 0)
                {
                    h.Order(o.Id, OrderEventType.Update, Quantity.FromRaw(o.Filled + k).ToString(), nowMs: now);
                }

                o.Filled += k;
                o.SeenAtVenue = true;
                o.Fills.Add((trade, k, false));
                history.Add(new Replayable { Id = o.Id, Matched = o.Filled });
                var value = Value(o.Price, k, o.Side);
                if (o.Side == Side.Buy)
                {
                    balance -= value;
                    shares[o.Token] += k;
                }
                else
                {
                    balance += value;
                    shares[o.Token] -= k;
                }

                if (o.Filled == o.Original)
                {
                    o.Open = false;
                }
            }
            else if (op < 63)
            {
                var o = Pick(rng, open);
                if (o.CancelRequested)
                {
                    continue;
                }

                var intent = h.Intent(o.Token, o.Side, PriceNear(rng, o.Price).ToString(), Quantity.FromRaw(rng.Next(1, 40) * 1_000_000L).ToString(), nowMs: now);
                intent.Kind = IntentKind.Replace;
                intent.TargetOrderId = o.Id;
                if (h.Risk.Check(in intent) != GateRejectReason.None)
                {
                    continue;
                }

                var id = h.NewId();
                h.Risk.Reserve(in intent, in id);
                o.CancelRequested = true;
                orders.Add(new ModelOrder { Id = id, Token = intent.TokenIndex, Side = intent.Side, Price = intent.Price, Original = intent.Size.Raw });
            }
            else if (op < 70)
            {
                var o = Pick(rng, open);
                h.Orders.RequestCancel(o.Id, now);
                o.CancelRequested = true;
            }
            else if (op < 80)
            {
                var pending = open.Where(x => x.CancelRequested).ToList();
                if (pending.Count == 0)
                {
                    continue;
                }

                var o = Pick(rng, pending);
                if (rng.Next(2) == 0)
                {
                    h.Orders.OnCancelConfirmed(o.Id, now);
                }
                else
                {
                    h.Order(o.Id, OrderEventType.Cancellation, Quantity.FromRaw(o.Filled).ToString(), OrderStatusCode.Canceled, now);
                }

                o.Open = false;
            }
            else if (op < 85)
            {
                var unseen = open.Where(x => !x.SeenAtVenue).ToList();
                if (unseen.Count == 0)
                {
                    continue;
                }

                var o = Pick(rng, unseen);
                h.Orders.OnPostRejected(o.Id, now);
                o.Open = false;
            }
            else if (op < 90)
            {
                // A trade of ours fails after MATCHED: rolled back.
                var withFills = orders.Where(x => x.Fills.Any(f => !f.Failed)).ToList();
                if (withFills.Count == 0)
                {
                    continue;
                }

                var o = Pick(rng, withFills);
                var index = o.Fills.FindIndex(f => !f.Failed);
                var fill = o.Fills[index];
                h.MakerFill(fill.Trade, o.Id, Quantity.FromRaw(fill.Size).ToString(), TradeStatusCode.Failed, nowMs: now);
                o.Fills[index] = (fill.Trade, fill.Size, true);
                var value = Value(o.Price, fill.Size, o.Side);
                if (o.Side == Side.Buy)
                {
                    balance += value;
                    shares[o.Token] -= fill.Size;
                }
                else
                {
                    balance -= value;
                    shares[o.Token] += fill.Size;
                }

                if (o.Open)
                {
                    // An open order gets the failed size back; a terminal order stays terminal.
                    o.Filled -= fill.Size;
                }
            }
            else if (op < 95)
            {
                // Reconnect: the venue replays old order updates (stale or duplicate); nothing may change.
                if (history.Count == 0)
                {
                    continue;
                }

                var old = history[rng.Next(history.Count)];
                var o = orders.First(x => x.Id == old.Id);
                if (o.Fills.Any(f => f.Failed))
                {
                    continue;
                }

                h.Order(old.Id, OrderEventType.Update, Quantity.FromRaw(old.Matched).ToString(), nowMs: now);
            }
            else
            {
                var snapshot = open.Where(x => x.Open)
                    .Select(x => new VenueOpenOrder(x.Id, x.Token, x.Token / 2, x.Side, x.Price, Quantity.FromRaw(x.Original), Quantity.FromRaw(x.Filled)))
                    .ToArray();
                var differences = new List<ReconcileDifference>();
                h.Orders.Reconcile(snapshot, now + 1, adoptUnknown: false, differences);
                Assert.DoesNotContain(differences, d => d.Kind is ReconcileDifferenceKind.MissingAtVenue or ReconcileDifferenceKind.ReservationDrift);
                foreach (var o in open)
                {
                    o.SeenAtVenue = true;
                }
            }

            AssertMatchesModel(h, orders, balance, shares, seed, step);
        }
    }

    private void AssertMatchesModel(OrdersHarness h, List<ModelOrder> orders, long balance, long[] shares, int seed, int step)
    {
        long reserved = 0;
        var reservedShares = new long[4];
        foreach (var o in orders)
        {
            if (!o.Open)
            {
                continue;
            }

            if (o.Side == Side.Buy)
            {
                reserved += (long)Math.Ceiling((decimal)o.Price.Raw * o.Remaining / 1_000_000m);
            }
            else
            {
                reservedShares[o.Token] += o.Remaining;
            }
        }

        var context = "seed " + seed + " step " + step + " ops " + string.Join(",", _log.Skip(Math.Max(0, _log.Count - 6)))
            + " orders " + string.Join(";", orders.Select(o => o.Side + " " + o.Price + " x " + o.Original + " f " + o.Filled + (o.Open ? " open" : " closed") + (h.Orders.TryGet(o.Id, out var t) ? " " + t.State + " rem " + t.Remaining + " acc " + t.AccountedRemaining : "")));
        Assert.True(reserved == h.Reservations.TotalCollateral, context + ": reserved " + h.Reservations.TotalCollateral + " model " + reserved);
        for (var t = 0; t < 4; t++)
        {
            Assert.True(reservedShares[t] == h.Reservations.TokenShares(t), context + ": token " + t + " shares reserved");
            Assert.True(shares[t] == h.Positions.Shares(t), context + ": token " + t + " shares held");
        }

        Assert.True(balance == h.Positions.Collateral, context + ": balance " + h.Positions.Collateral + " model " + balance);
        Assert.True(h.Risk.CollateralShortfall == 0, context + ": available collateral negative");
        Assert.True(balance - reserved >= 0, context + ": model available negative");
    }

    private static long Value(Price price, long size, Side side)
    {
        var exact = (decimal)price.Raw * size / 1_000_000m;
        return (long)(side == Side.Buy ? Math.Ceiling(exact) : Math.Floor(exact));
    }

    private static Price PriceNear(Random rng, Price price) =>
        Price.FromRaw(Math.Clamp(price.Raw + (rng.Next(-3, 4) * 10_000), 10_000, 990_000));

    private static T Pick<T>(Random rng, List<T> items) => items[rng.Next(items.Count)];
}
