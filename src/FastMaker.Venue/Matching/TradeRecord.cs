using FastMaker.Primitives;

namespace FastMaker.Venue.Matching;

/// <summary>
/// One fill: a taker order against one maker order. Size is the same for both legs; each leg's price
/// is in its own token's terms (they sum to 1 for a mint or merge, and are equal for a transfer), and
/// is the maker's price. The taker pays <see cref="Fee"/> in collateral; the maker pays nothing.
/// </summary>
public sealed class TradeRecord
{
    /// <summary>Trade id.</summary>
    public required TradeId Id { get; init; }

    /// <summary>The market.</summary>
    public required VenueMarket Market { get; init; }

    /// <summary>How the fill settles.</summary>
    public required SettlementKind Kind { get; init; }

    /// <summary>Shares exchanged (both legs).</summary>
    public required Quantity Size { get; init; }

    /// <summary>Match time, unix ms.</summary>
    public required long MatchTimeMs { get; init; }

    /// <summary>Taker order id.</summary>
    public required Hash32 TakerOrderId { get; init; }

    /// <summary>Taker's API key.</summary>
    public required string TakerOwner { get; init; }

    /// <summary>Taker's funder address.</summary>
    public required EthAddress TakerAddress { get; init; }

    /// <summary>Taker's outcome index (0 YES, 1 NO).</summary>
    public required int TakerOutcome { get; init; }

    /// <summary>Taker's side.</summary>
    public required Side TakerSide { get; init; }

    /// <summary>Fill price in the taker's token terms.</summary>
    public required Price TakerPrice { get; init; }

    /// <summary>Collateral the taker paid (BUY) or received gross of fee (SELL).</summary>
    public required Amount TakerCollateral { get; init; }

    /// <summary>Fee the taker paid, in collateral.</summary>
    public required Amount Fee { get; init; }

    /// <summary>Maker order id.</summary>
    public required Hash32 MakerOrderId { get; init; }

    /// <summary>Maker's API key.</summary>
    public required string MakerOwner { get; init; }

    /// <summary>Maker's funder address.</summary>
    public required EthAddress MakerAddress { get; init; }

    /// <summary>Maker's outcome index.</summary>
    public required int MakerOutcome { get; init; }

    /// <summary>Maker's side.</summary>
    public required Side MakerSide { get; init; }

    /// <summary>Fill price in the maker's token terms (the maker's limit price).</summary>
    public required Price MakerPrice { get; init; }

    /// <summary>Collateral the maker paid (BUY) or received (SELL).</summary>
    public required Amount MakerCollateral { get; init; }

    /// <summary>Settlement state.</summary>
    public TradeStatus Status { get; internal set; }

    /// <summary>Time of the last status change, unix ms.</summary>
    public long LastUpdateMs { get; internal set; }

    /// <summary>Pseudo transaction hash, set once the trade is mined (zero before).</summary>
    public Hash32 TransactionHash { get; internal set; }

    /// <summary>The taker's token id.</summary>
    public UInt256 TakerAssetId => Market.TokenOf(TakerOutcome);

    /// <summary>The maker's token id.</summary>
    public UInt256 MakerAssetId => Market.TokenOf(MakerOutcome);

    /// <summary>Taker fee rate in basis points for the wire's <c>fee_rate_bps</c>.</summary>
    public int TakerFeeRateBps => Market.TakerFeeRatePpm / 100;

    // Ledger bookkeeping for MINED (release) and FAILED (roll back).
    internal int TakerAccount;
    internal int MakerAccount;
    internal long TakerCredit;
    internal long MakerCredit;
    internal bool WillFail;
}
