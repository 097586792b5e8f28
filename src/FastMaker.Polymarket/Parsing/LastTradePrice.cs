using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>A market-channel <c>last_trade_price</c>: one trade on the public tape. Blittable.</summary>
public struct LastTradePrice
{
    /// <summary>Condition id (<c>market</c>).</summary>
    public Hash32 Market;
    /// <summary>Token id (<c>asset_id</c>).</summary>
    public UInt256 AssetId;
    /// <summary>Settlement transaction hash (<c>transaction_hash</c>), valid when <see cref="HasTransactionHash"/>.</summary>
    public Hash32 TransactionHash;
    /// <summary>Venue timestamp, unix milliseconds.</summary>
    public long TimestampMs;
    /// <summary>Trade price.</summary>
    public Price Price;
    /// <summary>Trade size in shares.</summary>
    public Quantity Size;
    /// <summary>Fee rate in basis points (<c>fee_rate_bps</c>), 0 when absent.</summary>
    public int FeeRateBps;
    /// <summary>The taker's side.</summary>
    public Side Side;
    /// <summary>True when <c>transaction_hash</c> was present and non-empty.</summary>
    public bool HasTransactionHash;
}
