using System.Runtime.CompilerServices;
using FastMaker.Engine.Orders;
using FastMaker.Primitives;

namespace FastMaker.Engine.Risk;

/// <summary>
/// What our open orders hold back, kept incrementally from every change of an order's remaining size:
/// a BUY reserves price x remaining of collateral (rounded up) for its market, a SELL reserves its remaining
/// shares of its token. Also the open-order exposure the caps need (open value, YES-equivalent shares that
/// would be added long or short if every open order filled, open order counts). Engine thread only.
/// </summary>
/// <remarks>
/// There is exactly one entry point, <see cref="Move"/>, which replaces an order's old contribution with its new
/// one. Reservations therefore always equal the sum over open orders of their remaining value; nothing is
/// reserved or released anywhere else, so a replace cannot double-reserve and a cancel cannot release early.
/// </remarks>
public sealed class Reservations
{
    private long[] _marketCollateral;
    private long[] _marketOpenValue;
    private long[] _marketLongOpen;
    private long[] _marketShortOpen;
    private int[] _marketOpenOrders;
    private long[] _tokenShares;
    private long[] _tokenBuyOpen;

    /// <summary>Creates an empty ledger (arrays grow on a cold path when new markets appear).</summary>
    public Reservations(int marketCapacity = 32)
    {
        var markets = Math.Max(1, marketCapacity);
        _marketCollateral = new long[markets];
        _marketOpenValue = new long[markets];
        _marketLongOpen = new long[markets];
        _marketShortOpen = new long[markets];
        _marketOpenOrders = new int[markets];
        _tokenShares = new long[markets * 2];
        _tokenBuyOpen = new long[markets * 2];
    }

    /// <summary>Collateral reserved by all open BUY orders (raw).</summary>
    public long TotalCollateral { get; private set; }

    /// <summary>Value (price x remaining, both sides) of all open orders (raw).</summary>
    public long TotalOpenValue { get; private set; }

    /// <summary>Number of open orders with a remaining size.</summary>
    public int TotalOpenOrders { get; private set; }

    /// <summary>Collateral reserved by one market's open BUY orders (raw).</summary>
    public long MarketCollateral(int marketIndex) => Read(_marketCollateral, marketIndex);

    /// <summary>Value of one market's open orders, both sides (raw).</summary>
    public long MarketOpenValue(int marketIndex) => Read(_marketOpenValue, marketIndex);

    /// <summary>YES-equivalent shares one market's open orders would add if they all filled (BUY YES, SELL NO).</summary>
    public long MarketLongOpen(int marketIndex) => Read(_marketLongOpen, marketIndex);

    /// <summary>YES-equivalent shares one market's open orders would remove if they all filled (SELL YES, BUY NO).</summary>
    public long MarketShortOpen(int marketIndex) => Read(_marketShortOpen, marketIndex);

    /// <summary>Open orders of one market.</summary>
    public int MarketOpenOrders(int marketIndex) => (uint)marketIndex < (uint)_marketOpenOrders.Length ? _marketOpenOrders[marketIndex] : 0;

    /// <summary>Shares of a token reserved by open SELL orders (raw).</summary>
    public long TokenShares(int tokenIndex) => Read(_tokenShares, tokenIndex);

    /// <summary>Shares of a token that open BUY orders would add (raw).</summary>
    public long TokenBuyOpen(int tokenIndex) => Read(_tokenBuyOpen, tokenIndex);

    /// <summary>The collateral a BUY of this size at this price reserves: price x size rounded up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long CollateralFor(Price price, long sizeRaw) =>
        sizeRaw <= 0 ? 0 : Notional.Multiply(price, Quantity.FromRaw(sizeRaw), Rounding.Up).Raw;

    /// <summary>
    /// Replaces the order's counted contribution (for <see cref="TrackedOrder.AccountedRemaining"/>) with the one
    /// for <paramref name="newRemaining"/>, and records the new remaining on the order.
    /// </summary>
    public void Move(ref TrackedOrder order, Quantity newRemaining)
    {
        var oldRaw = order.AccountedRemaining.Raw;
        var newRaw = Math.Max(0, newRemaining.Raw);
        if (oldRaw == newRaw)
        {
            return;
        }

        EnsureMarket(order.MarketIndex);
        EnsureToken(order.TokenIndex);
        var m = order.MarketIndex;
        var t = order.TokenIndex;
        var valueDelta = CollateralFor(order.Price, newRaw) - CollateralFor(order.Price, oldRaw);
        var sizeDelta = newRaw - oldRaw;
        var countDelta = (newRaw > 0 ? 1 : 0) - (oldRaw > 0 ? 1 : 0);

        _marketOpenValue[m] += valueDelta;
        TotalOpenValue += valueDelta;
        _marketOpenOrders[m] += countDelta;
        TotalOpenOrders += countDelta;
        if (order.Side == Side.Buy)
        {
            _marketCollateral[m] += valueDelta;
            TotalCollateral += valueDelta;
            _tokenBuyOpen[t] += sizeDelta;
        }
        else
        {
            _tokenShares[t] += sizeDelta;
        }

        // BUY YES and SELL NO add YES-equivalent inventory; SELL YES and BUY NO remove it.
        if ((order.Side == Side.Buy) == order.IsYes)
        {
            _marketLongOpen[m] += sizeDelta;
        }
        else
        {
            _marketShortOpen[m] += sizeDelta;
        }

        order.AccountedRemaining = Quantity.FromRaw(newRaw);
    }

    /// <summary>Forgets everything (reconciliation rebuilds from the open orders right after).</summary>
    public void Clear()
    {
        Array.Clear(_marketCollateral);
        Array.Clear(_marketOpenValue);
        Array.Clear(_marketLongOpen);
        Array.Clear(_marketShortOpen);
        Array.Clear(_marketOpenOrders);
        Array.Clear(_tokenShares);
        Array.Clear(_tokenBuyOpen);
        TotalCollateral = 0;
        TotalOpenValue = 0;
        TotalOpenOrders = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Read(long[] values, int index) => (uint)index < (uint)values.Length ? values[index] : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureMarket(int marketIndex)
    {
        if ((uint)marketIndex >= (uint)_marketCollateral.Length)
        {
            GrowMarkets(marketIndex);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureToken(int tokenIndex)
    {
        if ((uint)tokenIndex >= (uint)_tokenShares.Length)
        {
            GrowTokens(tokenIndex);
        }
    }

    private void GrowMarkets(int marketIndex)
    {
        if (marketIndex < 0)
        {
            OrderThrowHelper.ThrowMarketIndex(marketIndex);
        }

        // Cold: new markets arrive through metadata refreshes.
        var size = Math.Max(marketIndex + 1, _marketCollateral.Length * 2);
        Array.Resize(ref _marketCollateral, size);
        Array.Resize(ref _marketOpenValue, size);
        Array.Resize(ref _marketLongOpen, size);
        Array.Resize(ref _marketShortOpen, size);
        Array.Resize(ref _marketOpenOrders, size);
    }

    private void GrowTokens(int tokenIndex)
    {
        if (tokenIndex < 0)
        {
            OrderThrowHelper.ThrowTokenIndex(tokenIndex);
        }

        var size = Math.Max(tokenIndex + 1, _tokenShares.Length * 2);
        Array.Resize(ref _tokenShares, size);
        Array.Resize(ref _tokenBuyOpen, size);
    }
}
