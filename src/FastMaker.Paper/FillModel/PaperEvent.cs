using FastMaker.Engine.Orders;
using FastMaker.Primitives;

namespace FastMaker.Paper.FillModel;

/// <summary>
/// One simulated venue event: an accept, a reject, a fill, a cancel or a refused cancel, at the venue time the model
/// decided. Every event is <see cref="Simulated"/> and carries the <see cref="Parameters"/> that produced it.
/// </summary>
public struct PaperEvent
{
    /// <summary>What happened.</summary>
    public PaperEventKind Kind;

    /// <summary>Why, for <see cref="PaperEventKind.Rejected"/> and <see cref="PaperEventKind.CancelRefused"/>.</summary>
    public PaperRejectReason Reject;

    /// <summary>The order.</summary>
    public Hash32 OrderId;

    /// <summary>Dense market index.</summary>
    public int MarketIndex;

    /// <summary>Dense token index of the order.</summary>
    public int TokenIndex;

    /// <summary>The order's side.</summary>
    public Side Side;

    /// <summary>For a fill: the fill price in the order's token (a maker fills at its limit). Otherwise the limit price.</summary>
    public Price Price;

    /// <summary>The order's limit price in its token.</summary>
    public Price LimitPrice;

    /// <summary>The order's time in force.</summary>
    public IntentTimeInForce TimeInForce;

    /// <summary>For a fill: the shares filled.</summary>
    public Quantity Size;

    /// <summary>For a fill: the fee (0 for a maker).</summary>
    public Amount Fee;

    /// <summary>For a fill: maker (rested, filled by a print) or taker (crossed the book when it went live).</summary>
    public FillLiquidity Liquidity;

    /// <summary>For a fill: a deterministic simulated trade id.</summary>
    public Guid TradeId;

    /// <summary>The order's original size.</summary>
    public Quantity OriginalSize;

    /// <summary>Shares filled so far, this fill included.</summary>
    public Quantity Filled;

    /// <summary>Venue time of the event, unix ms (engine time: receive time of the market data or send time plus latency).</summary>
    public long TimeMs;

    /// <summary>Always true: the model never reports a real fill.</summary>
    public bool Simulated;

    /// <summary>The model's parameters.</summary>
    public PaperFillParameters Parameters;
}
