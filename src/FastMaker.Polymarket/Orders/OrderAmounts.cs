using System.Runtime.CompilerServices;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Orders;

/// <summary>
/// makerAmount and takerAmount of an order in 6-decimal base units. BUY: maker = collateral, taker = shares;
/// SELL: maker = shares, taker = collateral.
/// </summary>
public readonly record struct OrderAmounts(long MakerAmount, long TakerAmount)
{
    private const long Unit = 1_000_000;
    private const int SizeDecimals = 2;
    /// <summary>The server's flat limit for the taker leg of marketable (FOK/FAK) orders.</summary>
    public const int MarketTakerMaxDecimals = 4;

    /// <summary>
    /// Limit (GTC/GTD) amounts with exact integer arithmetic (ORDERS-V2-V3.md 3.2, the SDK's semantics, and
    /// identical to the official TypeScript client on every golden vector): size floored to 2 decimals, the
    /// collateral leg (size x price) floored to the tick's amount decimals. The price must be on the tick grid
    /// and within [tick, 1 - tick]; the official client rounds an off-grid price instead, we refuse it.
    /// </summary>
    public static OrderAmountError TryLimit(Side side, Price price, Quantity size, TickSize tick, SizePrecision precision, out OrderAmounts amounts)
    {
        amounts = default;
        OrderAmountError error = CheckPrice(price, tick);
        if (error != OrderAmountError.None) return error;
        error = FloorSize(size.Raw, precision, out long shares);
        if (error != OrderAmountError.None) return error;

        // shares <= long.MaxValue, price < 1e6: the product fits in 128 bits.
        UInt128 product = (UInt128)(ulong)shares * (ulong)price.Raw;
        UInt128 collateral = FloorTo(product / Unit, tick.AmountDecimals);
        if (collateral > long.MaxValue) return OrderAmountError.Overflow;
        if (collateral == 0) return OrderAmountError.AmountZero;
        amounts = side == Side.Buy ? new OrderAmounts((long)collateral, shares) : new OrderAmounts(shares, (long)collateral);
        return OrderAmountError.None;
    }

    /// <summary>
    /// Marketable (FOK/FAK) amounts under the server's precision rule: maker floored to 2 decimals, taker floored
    /// to min(tick amount decimals, 4). BUY: <paramref name="amount"/> is collateral to spend and the taker is
    /// amount / worstPrice shares; SELL: <paramref name="amount"/> is shares and the taker is shares x worstPrice.
    /// The official client 1.1.0 floors the taker to the tick's amount decimals (5-6 on the finer ticks), which the
    /// venue rejects ("taker amount a max of 4 decimals"); <see cref="TryMarketAsOfficialClient"/> reproduces it.
    /// </summary>
    public static OrderAmountError TryMarket(Side side, Price worstPrice, long amount, TickSize tick, SizePrecision precision, out OrderAmounts amounts)
    {
        if (!tick.IsValid) { amounts = default; return OrderAmountError.InvalidTickSize; }
        return TryMarketCore(side, worstPrice, amount, tick, Math.Min(tick.AmountDecimals, MarketTakerMaxDecimals), precision, out amounts);
    }

    /// <summary>Market amounts as the official client 1.1.0 computes them (taker floored to the tick's amount decimals), for comparison only.</summary>
    public static OrderAmountError TryMarketAsOfficialClient(Side side, Price worstPrice, long amount, TickSize tick, out OrderAmounts amounts)
    {
        if (!tick.IsValid) { amounts = default; return OrderAmountError.InvalidTickSize; }
        return TryMarketCore(side, worstPrice, amount, tick, tick.AmountDecimals, SizePrecision.Floor, out amounts);
    }

    private static OrderAmountError TryMarketCore(Side side, Price price, long amount, TickSize tick, int takerDecimals, SizePrecision precision, out OrderAmounts amounts)
    {
        amounts = default;
        OrderAmountError error = CheckPrice(price, tick);
        if (error != OrderAmountError.None) return error;
        error = FloorSize(amount, precision, out long maker);
        if (error != OrderAmountError.None) return error;

        UInt128 taker = side == Side.Buy
            ? (UInt128)(ulong)maker * Unit / (ulong)price.Raw
            : (UInt128)(ulong)maker * (ulong)price.Raw / Unit;
        taker = FloorTo(taker, takerDecimals);
        if (taker > long.MaxValue) return OrderAmountError.Overflow;
        if (taker == 0) return OrderAmountError.AmountZero;
        amounts = new OrderAmounts(maker, (long)taker);
        return OrderAmountError.None;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static OrderAmountError CheckPrice(Price price, TickSize tick)
    {
        if (!tick.IsValid) return OrderAmountError.InvalidTickSize;
        if (price.Raw < tick.MinPrice.Raw || price.Raw > tick.MaxPrice.Raw) return OrderAmountError.PriceOutOfRange;
        if (!tick.IsAligned(price)) return OrderAmountError.PriceOffTickGrid;
        return OrderAmountError.None;
    }

    private static OrderAmountError FloorSize(long raw, SizePrecision precision, out long floored)
    {
        floored = 0;
        if (raw <= 0) return OrderAmountError.SizeZero;
        long f = (long)FloorTo((UInt128)(ulong)raw, SizeDecimals);
        if (f != raw && precision == SizePrecision.Reject) return OrderAmountError.SizeTooPrecise;
        if (f == 0) return OrderAmountError.SizeZero;
        floored = f;
        return OrderAmountError.None;
    }

    // Floors a 6-decimal base-unit value to `decimals` decimals.
    private static UInt128 FloorTo(UInt128 units, int decimals)
    {
        ulong q = Pow10(6 - decimals);
        return units / q * q;
    }

    private static ulong Pow10(int n) => n switch { 0 => 1, 1 => 10, 2 => 100, 3 => 1_000, 4 => 10_000, 5 => 100_000, _ => 1_000_000 };
}
