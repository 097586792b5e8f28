using FastMaker.Engine.Orders;
using FastMaker.Engine.Store;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Store;

/// <summary>
/// A deterministic stream of change groups: group k is a pure function of k, so a crashed writer, a restarted one and
/// the checker all agree on it. Group k places order k, fills order k-1 (order, fill, position rows) and moves the
/// market's reservation to k, so a half-written group cannot go unnoticed.
/// </summary>
internal static class CrashStream
{
    public static readonly Hash32 Market = Hash32.Parse("0x" + new string('a', 64));
    private const long Size = 100_000_000;

    public static UInt256 Token(long k) => UInt256.Parse((1000 + (k % 3)).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static Hash32 OrderId(long k)
    {
        Span<byte> bytes = stackalloc byte[32];
        BitConverter.TryWriteBytes(bytes[24..], k);
        bytes[0] = 0x0d;
        return Hash32.FromBytes(bytes);
    }

    public static Guid TradeId(long k) => new((int)k, 0x7ade, 0x1234, 1, 2, 3, 4, 5, 6, 7, 8);

    public static StoredOrder Order(long k, bool filled) => new(
        OrderId(k), Token(k), Market, k % 2 == 0 ? Side.Buy : Side.Sell, Price.FromRaw(10_000 * (int)(1 + (k % 98))),
        Quantity.FromRaw(Size), Quantity.FromRaw(filled ? Size : 0), Quantity.FromRaw(filled ? 0 : Size),
        filled ? StoredOrderState.Filled : StoredOrderState.Live, OrderOrigin.MakerQuote, true, IntentTimeInForce.Gtc, 0,
        k, filled ? k + 1 : k, filled ? OrderStatusCode.Matched : OrderStatusCode.Live, Hash32.Zero);

    public static StoredFill Fill(long k) => new(
        TradeId(k), OrderId(k), Token(k), k % 2 == 0 ? Side.Buy : Side.Sell, Price.FromRaw(10_000 * (int)(1 + (k % 98))),
        Quantity.FromRaw(Size), Amount.FromRaw(k), TradeStatusCode.Matched, StoredLiquidity.Maker,
        StoredClassificationSource.Origin, false, k + 1, k + 1);

    /// <summary>The position of token (j % 3) after order j filled: every filled order of that token, buys minus sells.</summary>
    public static StoredPosition Position(long j)
    {
        long shares = 0;
        int fills = 0;
        for (long i = j % 3 == 0 ? 3 : j % 3; i <= j; i += 3)
        {
            shares += i % 2 == 0 ? Size : -Size;
            fills++;
        }

        return new StoredPosition(Token(j), shares, 0, shares * 3, -j, j, fills, j + 1);
    }

    public static StoredReservation Reservation(long k) => new(ReservationScope.MarketCollateral, Market, UInt256.Zero, k * 1000, k);

    /// <summary>The records of group <paramref name="k"/> (k >= 1), in order.</summary>
    public static void Group(long k, List<StoreChange> into)
    {
        into.Clear();
        into.Add(StoreChange.Of(Order(k, filled: false)));
        if (k > 1)
        {
            into.Add(StoreChange.Of(Order(k - 1, filled: true)));
            into.Add(StoreChange.Of(Fill(k - 1)));
            into.Add(StoreChange.Of(Position(k - 1)));
        }

        into.Add(StoreChange.Of(Reservation(k)));
    }
}
