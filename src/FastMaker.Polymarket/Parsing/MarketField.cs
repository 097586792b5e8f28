namespace FastMaker.Polymarket.Parsing;

/// <summary>Field names the market-channel parser reads on its hot path.</summary>
internal enum MarketField : byte
{
    Other = 0,
    EventType,
    Market,
    AssetId,
    Timestamp,
    Hash,
    Bids,
    Asks,
    TickSize,
    MinOrderSize,
    NegRisk,
    LastTradePrice,
    PriceChanges,
    Changes,
    Price,
    Size,
    Side,
    BestBid,
    BestAsk,
    Spread,
    OldTickSize,
    NewTickSize,
    FeeRateBps,
    TransactionHash,
}

internal static class MarketFieldNames
{
    public static MarketField Lookup(ReadOnlySpan<byte> name)
    {
        switch (name.Length)
        {
            case 4:
                if (name.SequenceEqual("hash"u8)) return MarketField.Hash;
                if (name.SequenceEqual("bids"u8)) return MarketField.Bids;
                if (name.SequenceEqual("asks"u8)) return MarketField.Asks;
                if (name.SequenceEqual("size"u8)) return MarketField.Size;
                if (name.SequenceEqual("side"u8)) return MarketField.Side;
                if (name.SequenceEqual("buys"u8)) return MarketField.Bids;
                break;
            case 5:
                if (name.SequenceEqual("price"u8)) return MarketField.Price;
                if (name.SequenceEqual("sells"u8)) return MarketField.Asks;
                break;
            case 6:
                if (name.SequenceEqual("market"u8)) return MarketField.Market;
                if (name.SequenceEqual("spread"u8)) return MarketField.Spread;
                break;
            case 7:
                if (name.SequenceEqual("changes"u8)) return MarketField.Changes;
                break;
            case 8:
                if (name.SequenceEqual("asset_id"u8)) return MarketField.AssetId;
                if (name.SequenceEqual("best_bid"u8)) return MarketField.BestBid;
                if (name.SequenceEqual("best_ask"u8)) return MarketField.BestAsk;
                if (name.SequenceEqual("neg_risk"u8)) return MarketField.NegRisk;
                break;
            case 9:
                if (name.SequenceEqual("timestamp"u8)) return MarketField.Timestamp;
                if (name.SequenceEqual("tick_size"u8)) return MarketField.TickSize;
                break;
            case 10:
                if (name.SequenceEqual("event_type"u8)) return MarketField.EventType;
                break;
            case 12:
                if (name.SequenceEqual("fee_rate_bps"u8)) return MarketField.FeeRateBps;
                break;
            case 13:
                if (name.SequenceEqual("price_changes"u8)) return MarketField.PriceChanges;
                if (name.SequenceEqual("old_tick_size"u8)) return MarketField.OldTickSize;
                if (name.SequenceEqual("new_tick_size"u8)) return MarketField.NewTickSize;
                break;
            case 14:
                if (name.SequenceEqual("min_order_size"u8)) return MarketField.MinOrderSize;
                break;
            case 16:
                if (name.SequenceEqual("last_trade_price"u8)) return MarketField.LastTradePrice;
                if (name.SequenceEqual("transaction_hash"u8)) return MarketField.TransactionHash;
                break;
        }

        return MarketField.Other;
    }

    public static MarketEventType LookupEventType(ReadOnlySpan<byte> v)
    {
        if (v.SequenceEqual("price_change"u8)) return MarketEventType.PriceChange;
        if (v.SequenceEqual("book"u8)) return MarketEventType.Book;
        if (v.SequenceEqual("last_trade_price"u8)) return MarketEventType.LastTradePrice;
        if (v.SequenceEqual("best_bid_ask"u8)) return MarketEventType.BestBidAsk;
        if (v.SequenceEqual("tick_size_change"u8)) return MarketEventType.TickSizeChange;
        if (v.SequenceEqual("new_market"u8)) return MarketEventType.NewMarket;
        if (v.SequenceEqual("market_resolved"u8)) return MarketEventType.MarketResolved;
        return MarketEventType.Unknown;
    }
}
