namespace FastMaker.Polymarket.Parsing;

/// <summary>Field names the user-channel parser reads.</summary>
internal enum UserField : byte
{
    Other = 0,
    EventType,
    Type,
    Id,
    Owner,
    OrderOwner,
    Market,
    AssetId,
    Side,
    OriginalSize,
    SizeMatched,
    Price,
    AssociateTrades,
    Outcome,
    CreatedAt,
    Expiration,
    OrderType,
    Status,
    MakerAddress,
    Timestamp,
    TakerOrderId,
    Size,
    FeeRateBps,
    MatchTime,
    LastUpdate,
    BucketIndex,
    TradeOwner,
    TransactionHash,
    TraderSide,
    MakerOrders,
    OrderId,
    MatchedAmount,
}

/// <summary>A status as read, before the event kind (order or trade) decides which enum it maps to.</summary>
internal enum StatusToken : byte
{
    None = 0,
    Unknown,
    Live,
    Matched,
    Delayed,
    Unmatched,
    Canceled,
    CanceledMarketResolved,
    CanceledWithReason,
    Invalid,
    MatchedNotBroadcasted,
    Mined,
    Confirmed,
    Retrying,
    Failed,
}

internal static class UserFieldNames
{
    public static UserField Lookup(ReadOnlySpan<byte> name)
    {
        switch (name.Length)
        {
            case 2:
                if (name.SequenceEqual("id"u8)) return UserField.Id;
                break;
            case 4:
                if (name.SequenceEqual("side"u8)) return UserField.Side;
                if (name.SequenceEqual("type"u8)) return UserField.Type;
                if (name.SequenceEqual("size"u8)) return UserField.Size;
                break;
            case 5:
                if (name.SequenceEqual("owner"u8)) return UserField.Owner;
                if (name.SequenceEqual("price"u8)) return UserField.Price;
                break;
            case 6:
                if (name.SequenceEqual("market"u8)) return UserField.Market;
                if (name.SequenceEqual("status"u8)) return UserField.Status;
                break;
            case 7:
                if (name.SequenceEqual("outcome"u8)) return UserField.Outcome;
                break;
            case 8:
                if (name.SequenceEqual("asset_id"u8)) return UserField.AssetId;
                if (name.SequenceEqual("order_id"u8)) return UserField.OrderId;
                break;
            case 9:
                if (name.SequenceEqual("timestamp"u8)) return UserField.Timestamp;
                break;
            case 10:
                if (name.SequenceEqual("event_type"u8)) return UserField.EventType;
                if (name.SequenceEqual("created_at"u8)) return UserField.CreatedAt;
                if (name.SequenceEqual("order_type"u8)) return UserField.OrderType;
                if (name.SequenceEqual("expiration"u8)) return UserField.Expiration;
                if (name.SequenceEqual("match_time"u8)) return UserField.MatchTime;
                break;
            case 11:
                if (name.SequenceEqual("order_owner"u8)) return UserField.OrderOwner;
                if (name.SequenceEqual("last_update"u8)) return UserField.LastUpdate;
                if (name.SequenceEqual("trade_owner"u8)) return UserField.TradeOwner;
                if (name.SequenceEqual("trader_side"u8)) return UserField.TraderSide;
                break;
            case 12:
                if (name.SequenceEqual("size_matched"u8)) return UserField.SizeMatched;
                if (name.SequenceEqual("fee_rate_bps"u8)) return UserField.FeeRateBps;
                if (name.SequenceEqual("bucket_index"u8)) return UserField.BucketIndex;
                if (name.SequenceEqual("maker_orders"u8)) return UserField.MakerOrders;
                break;
            case 13:
                if (name.SequenceEqual("original_size"u8)) return UserField.OriginalSize;
                if (name.SequenceEqual("maker_address"u8)) return UserField.MakerAddress;
                break;
            case 14:
                if (name.SequenceEqual("taker_order_id"u8)) return UserField.TakerOrderId;
                if (name.SequenceEqual("matched_amount"u8)) return UserField.MatchedAmount;
                break;
            case 16:
                if (name.SequenceEqual("associate_trades"u8)) return UserField.AssociateTrades;
                if (name.SequenceEqual("transaction_hash"u8)) return UserField.TransactionHash;
                break;
        }

        return UserField.Other;
    }

    public static StatusToken LookupStatus(ReadOnlySpan<byte> v)
    {
        if (v.StartsWith("TRADE_STATUS_"u8))
        {
            v = v["TRADE_STATUS_".Length..];
        }

        if (v.SequenceEqual("LIVE"u8)) return StatusToken.Live;
        if (v.SequenceEqual("MATCHED"u8)) return StatusToken.Matched;
        if (v.SequenceEqual("MINED"u8)) return StatusToken.Mined;
        if (v.SequenceEqual("CONFIRMED"u8)) return StatusToken.Confirmed;
        if (v.SequenceEqual("CANCELED"u8)) return StatusToken.Canceled;
        if (v.SequenceEqual("DELAYED"u8)) return StatusToken.Delayed;
        if (v.SequenceEqual("UNMATCHED"u8)) return StatusToken.Unmatched;
        if (v.SequenceEqual("INVALID"u8)) return StatusToken.Invalid;
        if (v.SequenceEqual("RETRYING"u8)) return StatusToken.Retrying;
        if (v.SequenceEqual("FAILED"u8)) return StatusToken.Failed;
        if (v.SequenceEqual("MATCHED_NOT_BROADCASTED"u8)) return StatusToken.MatchedNotBroadcasted;
        if (v.SequenceEqual("CANCELED_MARKET_RESOLVED"u8)) return StatusToken.CanceledMarketResolved;

        // The venue appends a reason to CANCELED for killed FOK orders.
        if (v.Length > "CANCELED_".Length && v.StartsWith("CANCELED_"u8)) return StatusToken.CanceledWithReason;
        return StatusToken.Unknown;
    }

    public static OutcomeLabel LookupOutcome(ReadOnlySpan<byte> v)
    {
        if (v.Length == 0) return OutcomeLabel.None;
        if (v.SequenceEqual("Yes"u8) || v.SequenceEqual("YES"u8)) return OutcomeLabel.Yes;
        if (v.SequenceEqual("No"u8) || v.SequenceEqual("NO"u8)) return OutcomeLabel.No;
        return OutcomeLabel.Other;
    }
}
