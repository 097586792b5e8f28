using FastMaker.Engine.Positions;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Orders;

/// <summary>
/// One fill of ours: one leg (taker or maker) of one trade, followed through MATCHED, MINED, CONFIRMED or
/// RETRYING, FAILED. Keeps the exact position deltas it applied, so a FAILED trade is rolled back exactly.
/// </summary>
public struct FillRecord
{
    /// <summary>The trade id.</summary>
    public Guid TradeId;

    /// <summary>Our order filled by this leg.</summary>
    public Hash32 OrderId;

    /// <summary>Dense token index.</summary>
    public int TokenIndex;

    /// <summary>Our side.</summary>
    public Side Side;

    /// <summary>Shares filled.</summary>
    public Quantity Size;

    /// <summary>Fill price.</summary>
    public Price Price;

    /// <summary>Latest trade status seen.</summary>
    public TradeStatusCode Status;

    /// <summary>Maker or taker.</summary>
    public FillLiquidity Liquidity;

    /// <summary>Which evidence decided <see cref="Liquidity"/>.</summary>
    public ClassificationSource Source;

    /// <summary>Where the trade's ids put our order.</summary>
    public TradeRole Role;

    /// <summary>The order's origin.</summary>
    public OrderOrigin Origin;

    /// <summary>Venue match time (unix ms), or the engine clock when the venue sent none.</summary>
    public long MatchMs;

    /// <summary>What the fill changed in the positions (zero when first seen as FAILED).</summary>
    public PositionDelta Delta;

    /// <summary>True when the fill was applied to positions and not rolled back.</summary>
    public readonly bool IsActive => Status != TradeStatusCode.Failed;
}
