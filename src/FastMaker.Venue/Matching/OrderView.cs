using FastMaker.Primitives;

namespace FastMaker.Venue.Matching;

/// <summary>An order as <c>/data/orders</c> and the user channel show it.</summary>
public readonly record struct OrderView
{
    /// <summary>Order id (EIP-712 digest).</summary>
    public required Hash32 Id { get; init; }

    /// <summary>State.</summary>
    public required OrderStatus Status { get; init; }

    /// <summary>API key that placed it.</summary>
    public required string Owner { get; init; }

    /// <summary>Funder address.</summary>
    public required EthAddress MakerAddress { get; init; }

    /// <summary>Condition id.</summary>
    public required Hash32 Market { get; init; }

    /// <summary>Token id.</summary>
    public required UInt256 AssetId { get; init; }

    /// <summary>Outcome name of the token.</summary>
    public required string Outcome { get; init; }

    /// <summary>Side.</summary>
    public required Side Side { get; init; }

    /// <summary>Limit price in this token's terms.</summary>
    public required Price Price { get; init; }

    /// <summary>Size in shares.</summary>
    public required Quantity OriginalSize { get; init; }

    /// <summary>Shares filled so far.</summary>
    public required Quantity SizeMatched { get; init; }

    /// <summary>Time in force.</summary>
    public required OrderType OrderType { get; init; }

    /// <summary>Acceptance time, unix ms (the wire shows seconds).</summary>
    public required long CreatedAtMs { get; init; }

    /// <summary>Expiration as sent, unix seconds (0 = none).</summary>
    public required long Expiration { get; init; }

    /// <summary>Trades this order took part in (live view: do not keep beyond the callback).</summary>
    public required IReadOnlyList<TradeId> AssociateTrades { get; init; }
}
