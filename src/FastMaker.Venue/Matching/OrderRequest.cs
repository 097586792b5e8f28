using FastMaker.Primitives;

namespace FastMaker.Venue.Matching;

/// <summary>
/// An order as the server hands it to the engine, already authenticated and signature-checked.
/// Amounts are the signed raw amounts in 1e-6 units: a BUY gives <see cref="MakerAmount"/> collateral
/// for <see cref="TakerAmount"/> shares (price = maker/taker), a SELL gives <see cref="MakerAmount"/>
/// shares for <see cref="TakerAmount"/> collateral (price = taker/maker).
/// </summary>
public readonly record struct OrderRequest
{
    /// <summary>The EIP-712 order digest, which is the order id.</summary>
    public required Hash32 OrderId { get; init; }

    /// <summary>The owner: the API key the order was posted with.</summary>
    public required string Owner { get; init; }

    /// <summary>The funder whose balances the order uses.</summary>
    public required EthAddress Maker { get; init; }

    /// <summary>The signing address.</summary>
    public EthAddress Signer { get; init; }

    /// <summary>The outcome token traded.</summary>
    public required UInt256 Token { get; init; }

    /// <summary>BUY or SELL of <see cref="Token"/>.</summary>
    public required Side Side { get; init; }

    /// <summary>What the maker gives, 1e-6 units (collateral for BUY, shares for SELL).</summary>
    public required long MakerAmount { get; init; }

    /// <summary>What the maker receives, 1e-6 units (shares for BUY, collateral for SELL).</summary>
    public required long TakerAmount { get; init; }

    /// <summary>Time in force.</summary>
    public OrderType Type { get; init; }

    /// <summary>Rest only; reject instead of taking.</summary>
    public bool PostOnly { get; init; }

    /// <summary>GTD expiration, unix seconds; 0 = none.</summary>
    public long Expiration { get; init; }

    /// <summary>The signed order timestamp, unix milliseconds.</summary>
    public long TimestampMs { get; init; }
}
