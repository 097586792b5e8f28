using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>One entry of a trade's <c>maker_orders</c>: a resting order filled by the match. Blittable.</summary>
public struct MakerOrderFill
{
    /// <summary>Maker order id (<c>order_id</c>).</summary>
    public Hash32 OrderId;
    /// <summary>Maker's token id (<c>asset_id</c>; differs from the taker's in a cross-outcome match).</summary>
    public UInt256 AssetId;
    /// <summary>Maker's API key (<c>owner</c>), valid when <see cref="HasOwner"/>.</summary>
    public Guid Owner;
    /// <summary>Maker's address (<c>maker_address</c>), valid when <see cref="HasMakerAddress"/>.</summary>
    public EthAddress MakerAddress;
    /// <summary>Size filled against this order in shares (<c>matched_amount</c>).</summary>
    public Quantity MatchedAmount;
    /// <summary>Maker order price.</summary>
    public Price Price;
    /// <summary>Maker fee rate in basis points, 0 when absent.</summary>
    public int FeeRateBps;
    /// <summary>Position in <c>maker_orders</c>.</summary>
    public int Index;
    /// <summary>Maker's side, valid when <see cref="HasSide"/> (newer payloads only).</summary>
    public Side Side;
    /// <summary>Outcome label of the maker's token.</summary>
    public OutcomeLabel Outcome;
    /// <summary>True when <c>side</c> was present.</summary>
    public bool HasSide;
    /// <summary>True when <c>owner</c> was present.</summary>
    public bool HasOwner;
    /// <summary>True when <c>maker_address</c> was present.</summary>
    public bool HasMakerAddress;
}
