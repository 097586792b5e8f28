using FastMaker.Engine.Orders;
using FastMaker.Polymarket.Orders;
using FastMaker.Primitives;

namespace FastMaker.Engine.Gate;

/// <summary>
/// An intent the gate approved: the only input the sign stage accepts. Only <see cref="ExecutionGate"/> constructs
/// one (internal constructor, checked by a reflection test), and each carries a single-use ticket that the sign stage
/// redeems against the gate's issue, so a default or copied value is refused rather than signed.
/// </summary>
public readonly struct ApprovedIntent
{
    internal ApprovedIntent(long ticket, in OrderIntent intent, OrderType orderType, OrderAmounts amounts, long marketAmount,
        TickSize tick, bool negRisk, UInt256 tokenId, Hash32 conditionId)
    {
        Ticket = ticket;
        Intent = intent;
        OrderType = orderType;
        Amounts = amounts;
        MarketAmount = marketAmount;
        Tick = tick;
        NegRisk = negRisk;
        TokenId = tokenId;
        ConditionId = conditionId;
    }

    /// <summary>The single-use approval ticket (0 = never approved).</summary>
    public long Ticket { get; }

    /// <summary>The approved intent.</summary>
    public OrderIntent Intent { get; }

    /// <summary>The venue order type.</summary>
    public OrderType OrderType { get; }

    /// <summary>makerAmount and takerAmount as the gate computed them (zero for cancels).</summary>
    public OrderAmounts Amounts { get; }

    /// <summary>For FOK/FAK: the amount field of the order request (collateral for BUY, shares for SELL).</summary>
    public long MarketAmount { get; }

    /// <summary>The market's tick when approved.</summary>
    public TickSize Tick { get; }

    /// <summary>The market's negRisk flag (selects the exchange).</summary>
    public bool NegRisk { get; }

    /// <summary>The token id.</summary>
    public UInt256 TokenId { get; }

    /// <summary>The market's condition id (for market-wide cancels).</summary>
    public Hash32 ConditionId { get; }
}
