using System.Runtime.CompilerServices;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Registry;
using FastMaker.Primitives;

namespace FastMaker.Engine.Positions;

/// <summary>
/// Positions and collateral: shares per token (with the unconfirmed part), cost basis, realized PnL by average
/// cost, fees and the collateral balance. Engine thread only; applying and rolling back a fill is allocation-free.
/// </summary>
/// <remarks>
/// <para>Fills count from MATCHED (the venue has matched them; the shares and collateral moved for the venue's
/// balance checks), but what a fill credits us stays pending until its trade is CONFIRMED: a FAILED trade is
/// rolled back by <see cref="Revert"/>, subtracting exactly the deltas the fill applied.</para>
/// <para>Netting: a BUY of NO is economically a SELL of YES (one YES plus one NO merge into 1 collateral), but the
/// venue holds the two tokens separately and merging is an explicit on-chain action. So shares, cost and PnL are
/// kept per token, and inventory is netted per market as YES-equivalent shares: YES shares minus NO shares
/// (<see cref="NetYesShares"/>). Risk caps use the netted number.</para>
/// <para>Money: a BUY pays price x size rounded up and a SELL receives price x size rounded down (the venue's
/// amounts are exact on the tick grid, so rounding only matters off-grid), fees come out of collateral.</para>
/// </remarks>
public sealed class PositionBook
{
    private TokenPosition[] _tokens;

    /// <summary>Creates an empty book with room for the given number of tokens (it grows on a cold path).</summary>
    public PositionBook(int tokenCapacity = 64)
    {
        _tokens = new TokenPosition[Math.Max(2, tokenCapacity)];
    }

    /// <summary>Collateral balance (raw), after every non-failed fill and fee.</summary>
    public long Collateral { get; private set; }

    /// <summary>Collateral credited by sales whose trades are not CONFIRMED yet (part of <see cref="Collateral"/>).</summary>
    public long PendingCollateral { get; private set; }

    /// <summary>Realized PnL of all tokens before fees (raw).</summary>
    public long RealizedPnl { get; private set; }

    /// <summary>Cost basis of all tokens held (raw): the position part of gross notional.</summary>
    public long TotalCostBasis { get; private set; }

    /// <summary>Fees paid (raw).</summary>
    public long FeesPaid { get; private set; }

    /// <summary>Realized PnL net of fees (raw): what the drawdown kill switch watches.</summary>
    public long NetRealizedPnl => RealizedPnl - FeesPaid;

    /// <summary>The position in one token.</summary>
    public ref readonly TokenPosition Token(int tokenIndex)
    {
        EnsureToken(tokenIndex);
        return ref _tokens[tokenIndex];
    }

    /// <summary>Shares held of a token (raw), including unconfirmed ones.</summary>
    public long Shares(int tokenIndex) => (uint)tokenIndex < (uint)_tokens.Length ? _tokens[tokenIndex].Shares : 0;

    /// <summary>Cost basis of a token (raw).</summary>
    public long CostBasis(int tokenIndex) => (uint)tokenIndex < (uint)_tokens.Length ? _tokens[tokenIndex].CostBasis : 0;

    /// <summary>Unconfirmed bought shares of a token (raw).</summary>
    public long PendingShares(int tokenIndex) => (uint)tokenIndex < (uint)_tokens.Length ? _tokens[tokenIndex].PendingShares : 0;

    /// <summary>Net inventory of a market in YES-equivalent shares (raw): YES shares minus NO shares.</summary>
    public long NetYesShares(MarketInfo market) => Shares(market.YesIndex) - Shares(market.NoIndex);

    /// <summary>Sets the collateral balance from the venue (start-up or reconciliation); cold path.</summary>
    public void SetCollateral(Amount balance) => Collateral = balance.Raw;

    /// <summary>Sets a token's settled holding from the venue (start-up or reconciliation) at a given cost basis.</summary>
    public void SetShares(int tokenIndex, Quantity shares, Amount costBasis)
    {
        EnsureToken(tokenIndex);
        ref var p = ref _tokens[tokenIndex];
        TotalCostBasis += costBasis.Raw - p.CostBasis;
        p.Shares = shares.Raw;
        p.PendingShares = 0;
        p.CostBasis = costBasis.Raw;
    }

    /// <summary>Applies one fill and returns exactly what it changed (kept with the fill for a rollback).</summary>
    public PositionDelta Apply(int tokenIndex, Side side, Quantity size, Price price, Amount fee)
    {
        EnsureToken(tokenIndex);
        ref var p = ref _tokens[tokenIndex];
        var d = new PositionDelta { TokenIndex = tokenIndex, Fee = fee.Raw };
        if (side == Side.Buy)
        {
            var value = Notional.Multiply(price, size, Rounding.Up).Raw;
            d.Shares = size.Raw;
            d.PendingShares = size.Raw;
            d.CostBasis = value;
            d.Collateral = -value - fee.Raw;
        }
        else
        {
            var value = Notional.Multiply(price, size, Rounding.Down).Raw;
            long costOut = 0;
            if (p.Shares > 0)
            {
                // Average cost: the sold part carries its proportional share of the cost basis.
                var sold = Math.Min(size.Raw, p.Shares);
                costOut = (long)((Int128)p.CostBasis * sold / p.Shares);
            }

            d.Shares = -size.Raw;
            d.CostBasis = -costOut;
            d.RealizedPnl = value - costOut;
            d.Collateral = value - fee.Raw;
            d.PendingCollateral = value - fee.Raw;
        }

        Add(ref p, in d, 1);
        p.Fills++;
        return d;
    }

    /// <summary>Rolls a fill back (its trade FAILED) by subtracting exactly what <see cref="Apply"/> added.</summary>
    public void Revert(in PositionDelta d)
    {
        EnsureToken(d.TokenIndex);
        ref var p = ref _tokens[d.TokenIndex];
        Add(ref p, in d, -1);
        p.Fills--;
    }

    /// <summary>The fill's trade is CONFIRMED: its credits stop being pending.</summary>
    public void Settle(in PositionDelta d)
    {
        EnsureToken(d.TokenIndex);
        _tokens[d.TokenIndex].PendingShares -= d.PendingShares;
        PendingCollateral -= d.PendingCollateral;
    }

    private void Add(ref TokenPosition p, in PositionDelta d, long sign)
    {
        p.Shares += sign * d.Shares;
        p.PendingShares += sign * d.PendingShares;
        p.CostBasis += sign * d.CostBasis;
        TotalCostBasis += sign * d.CostBasis;
        p.RealizedPnl += sign * d.RealizedPnl;
        p.FeesPaid += sign * d.Fee;
        Collateral += sign * d.Collateral;
        PendingCollateral += sign * d.PendingCollateral;
        RealizedPnl += sign * d.RealizedPnl;
        FeesPaid += sign * d.Fee;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureToken(int tokenIndex)
    {
        if ((uint)tokenIndex >= (uint)_tokens.Length)
        {
            Grow(tokenIndex);
        }
    }

    private void Grow(int tokenIndex)
    {
        if (tokenIndex < 0)
        {
            OrderThrowHelper.ThrowTokenIndex(tokenIndex);
        }

        // Cold: new markets arrive through metadata refreshes.
        Array.Resize(ref _tokens, Math.Max(tokenIndex + 1, _tokens.Length * 2));
    }
}
