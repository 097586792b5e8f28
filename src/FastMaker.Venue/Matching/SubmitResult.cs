using FastMaker.Primitives;

namespace FastMaker.Venue.Matching;

/// <summary>
/// The engine's answer to <see cref="MatchingEngine.Submit"/>, shaped like the reference's
/// <c>OrderResponse</c>: on success <see cref="Status"/> is "live", "matched", "delayed" or
/// "unmatched"; on failure <see cref="ErrorMsg"/> holds the reference's text.
/// </summary>
public readonly struct SubmitResult
{
    private static readonly TradeId[] NoTrades = [];

    private SubmitResult(bool success, string errorMsg, Hash32 orderId, string status, long making, long taking, TradeId[] tradeIds)
    {
        Success = success;
        ErrorMsg = errorMsg;
        OrderId = orderId;
        Status = status;
        MakingAmount = making;
        TakingAmount = taking;
        TradeIds = tradeIds;
    }

    /// <summary>True when the order was accepted.</summary>
    public bool Success { get; }

    /// <summary>Empty on success; the rejection text otherwise.</summary>
    public string ErrorMsg { get; }

    /// <summary>The order id (empty/zero on rejections that never identified the order).</summary>
    public Hash32 OrderId { get; }

    /// <summary>"live", "matched", "delayed", "unmatched"; empty on rejection.</summary>
    public string Status { get; }

    /// <summary>What the order gave in its immediate matches (collateral for a BUY incl. fee, shares for a SELL), 1e-6 units.</summary>
    public long MakingAmount { get; }

    /// <summary>What the order received in its immediate matches (shares for a BUY, collateral net of fee for a SELL), 1e-6 units.</summary>
    public long TakingAmount { get; }

    /// <summary>Trades created at placement (empty when nothing matched).</summary>
    public TradeId[] TradeIds { get; }

    /// <summary>True when the order matched something at placement (the wire sends "" amounts otherwise).</summary>
    public bool HasMatch => TradeIds.Length > 0;

    /// <summary>Status string for a resting order.</summary>
    public const string StatusLive = "live";

    /// <summary>Status string for an order that matched at placement.</summary>
    public const string StatusMatched = "matched";

    /// <summary>Status string for an order held in a matching delay.</summary>
    public const string StatusDelayed = "delayed";

    /// <summary>Status string for a marketable order that did not match.</summary>
    public const string StatusUnmatched = "unmatched";

    internal static SubmitResult Rejected(Hash32 orderId, string reason) =>
        new(false, reason, orderId, "", 0, 0, NoTrades);

    internal static SubmitResult Accepted(Hash32 orderId, string status, long making, long taking, TradeId[]? trades) =>
        new(true, "", orderId, status, making, taking, trades ?? NoTrades);
}
