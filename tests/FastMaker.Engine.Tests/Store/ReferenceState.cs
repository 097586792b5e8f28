using FastMaker.Engine.Store;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Store;

/// <summary>What the store must hold after a sequence of changes: the same upserts applied to dictionaries.</summary>
internal sealed class ReferenceState
{
    public readonly Dictionary<Hash32, StoredOrder> Orders = new();
    public readonly Dictionary<(Guid, Hash32), StoredFill> Fills = new();
    public readonly Dictionary<UInt256, StoredPosition> Positions = new();
    public readonly Dictionary<(ReservationScope, Hash32, UInt256), StoredReservation> Reservations = new();

    public long LastGroup { get; private set; }

    public void Apply(IEnumerable<StoreChange> changes)
    {
        foreach (var c in changes)
        {
            switch (c.Kind)
            {
                case StoreChangeKind.Order: Orders[c.Order.OrderId] = c.Order; break;
                case StoreChangeKind.Fill: Fills[(c.Fill.TradeId, c.Fill.OrderId)] = c.Fill; break;
                case StoreChangeKind.Position: Positions[c.Position.TokenId] = c.Position; break;
                case StoreChangeKind.Reservation:
                    Reservations[(c.Reservation.Scope, c.Reservation.MarketId, c.Reservation.TokenId)] = c.Reservation;
                    break;
            }
        }
    }

    /// <summary>Extends the reference with <see cref="CrashStream"/> groups up to <paramref name="last"/>.</summary>
    public void AdvanceCrashStreamTo(long last)
    {
        var group = new List<StoreChange>();
        for (var k = LastGroup + 1; k <= last; k++)
        {
            CrashStream.Group(k, group);
            Apply(group);
        }

        LastGroup = Math.Max(LastGroup, last);
    }

    /// <summary>Asserts the loaded snapshot holds exactly this state (no row more, none less, none different).</summary>
    public void AssertEqual(StoreSnapshot snapshot)
    {
        Assert.Equal(Orders.Count, snapshot.Orders.Count);
        foreach (var o in snapshot.Orders)
        {
            Assert.True(Orders.TryGetValue(o.OrderId, out var expected), $"unexpected order {o.OrderId}");
            Assert.Equal(expected, o);
        }

        Assert.Equal(Fills.Count, snapshot.Fills.Count);
        foreach (var f in snapshot.Fills)
        {
            Assert.True(Fills.TryGetValue((f.TradeId, f.OrderId), out var expected), $"unexpected fill {f.TradeId}");
            Assert.Equal(expected, f);
        }

        Assert.Equal(Positions.Count, snapshot.Positions.Count);
        foreach (var p in snapshot.Positions)
        {
            Assert.True(Positions.TryGetValue(p.TokenId, out var expected), $"unexpected position {p.TokenId}");
            Assert.Equal(expected, p);
        }

        Assert.Equal(Reservations.Count, snapshot.Reservations.Count);
        foreach (var r in snapshot.Reservations)
        {
            Assert.True(Reservations.TryGetValue((r.Scope, r.MarketId, r.TokenId), out var expected), $"unexpected reservation {r.Scope}");
            Assert.Equal(expected, r);
        }
    }
}
