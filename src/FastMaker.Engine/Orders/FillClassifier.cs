using System.Runtime.CompilerServices;
using FastMaker.Polymarket.Parsing;

namespace FastMaker.Engine.Orders;

/// <summary>
/// Classifies a fill as maker or taker from, in order of trust: the order's origin (post-only cannot take),
/// the trade's order ids (which side of the match our order id is on), the trade's trader_side flag, and the book
/// when the order was approved (crossing the spread means taker). A missing flag is never read as "maker": with
/// no evidence the answer is <see cref="FillLiquidity.Unknown"/>. Pure and allocation-free.
/// </summary>
public static class FillClassifier
{
    /// <summary>Classifies one fill.</summary>
    /// <param name="postOnly">Our order was post-only (the venue rejects a post-only order that would cross).</param>
    /// <param name="origin">Why our order exists.</param>
    /// <param name="idRole">Where the trade's ids put our order: <c>taker_order_id</c> (Taker) or <c>maker_orders[].order_id</c> (Maker).</param>
    /// <param name="traderSide">The trade's <c>trader_side</c> flag, possibly absent.</param>
    /// <param name="crossedAtSubmit">1 when our price crossed the opposite best at approval, 0 when not, -1 unknown.</param>
    /// <param name="source">Which evidence decided.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FillLiquidity Classify(
        bool postOnly,
        OrderOrigin origin,
        TradeRole idRole,
        TraderSide traderSide,
        sbyte crossedAtSubmit,
        out ClassificationSource source)
    {
        // Origin: only post-only decides; a maker quote that is not post-only can still take, so it falls through.
        if (postOnly && origin != OrderOrigin.Adopted)
        {
            source = ClassificationSource.Origin;
            return FillLiquidity.Maker;
        }

        if (idRole != TradeRole.None)
        {
            source = ClassificationSource.TradeOrderIds;
            return idRole == TradeRole.Maker ? FillLiquidity.Maker : FillLiquidity.Taker;
        }

        if (traderSide != TraderSide.None)
        {
            source = ClassificationSource.TraderSideFlag;
            return traderSide == TraderSide.Maker ? FillLiquidity.Maker : FillLiquidity.Taker;
        }

        if (crossedAtSubmit >= 0)
        {
            source = ClassificationSource.Book;
            return crossedAtSubmit == 1 ? FillLiquidity.Taker : FillLiquidity.Maker;
        }

        source = ClassificationSource.None;
        return FillLiquidity.Unknown;
    }
}
