using FastMaker.Primitives;

namespace FastMaker.Engine.Orders;

/// <summary>
/// One order slot of the <see cref="OrderTracker"/>: preallocated, reused, mutated only by the engine thread.
/// Sizes are shares in raw units (1e-6).
/// </summary>
public struct TrackedOrder
{
    /// <summary>The order id: the EIP-712 order hash, known before the post.</summary>
    public Hash32 Id;

    /// <summary>Dense token index.</summary>
    public int TokenIndex;

    /// <summary>Dense market index.</summary>
    public int MarketIndex;

    /// <summary>True when the token is the market's first outcome (YES): decides the YES-equivalent direction.</summary>
    public bool IsYes;

    /// <summary>BUY or SELL.</summary>
    public Side Side;

    /// <summary>Limit price.</summary>
    public Price Price;

    /// <summary>Original size.</summary>
    public Quantity OriginalSize;

    /// <summary>Highest cumulative matched size the venue reported (order events, post reply, snapshots). Never decreases except by a FAILED trade.</summary>
    public Quantity VenueMatched;

    /// <summary>Sum of this order's trade legs that have not failed.</summary>
    public Quantity TradeMatched;

    /// <summary>The remaining size the reservations currently count (0 once terminal).</summary>
    public Quantity AccountedRemaining;

    /// <summary>The state.</summary>
    public OrderState State;

    /// <summary>Why the order exists.</summary>
    public OrderOrigin Origin;

    /// <summary>Post-only.</summary>
    public bool PostOnly;

    /// <summary>Time in force.</summary>
    public IntentTimeInForce TimeInForce;

    /// <summary>Whether the order's price crossed the book when it was approved: 1 yes, 0 no, -1 unknown (no trusted book).</summary>
    public sbyte CrossedAtSubmit;

    /// <summary>The post reply said "delayed": the venue holds it in a matching delay and it cannot be cancelled yet.</summary>
    public bool Delayed;

    /// <summary>GTD expiration, unix seconds (0 = none).</summary>
    public long ExpirationSeconds;

    /// <summary>When the order was approved (engine clock, unix ms).</summary>
    public long CreatedMs;

    /// <summary>Last change (engine clock, unix ms).</summary>
    public long UpdatedMs;

    /// <summary>The order this one replaced, or zero.</summary>
    public Hash32 Replaces;

    /// <summary>Filled size: the larger of what the venue reported and what our trades add up to, capped at the original size.</summary>
    public readonly Quantity Filled
    {
        get
        {
            var filled = Math.Max(VenueMatched.Raw, TradeMatched.Raw);
            return Quantity.FromRaw(Math.Min(filled, OriginalSize.Raw));
        }
    }

    /// <summary>Remaining size: original minus filled while open, 0 once terminal.</summary>
    public readonly Quantity Remaining => State.IsOpen() ? Quantity.FromRaw(OriginalSize.Raw - Filled.Raw) : Quantity.Zero;

    /// <summary>The view the quote differ and risk checks use.</summary>
    public readonly LiveOrderView View => new(Id, TokenIndex, Side, Price, OriginalSize, Remaining, State == OrderState.PendingCancel);
}
