using FastMaker.Primitives;

namespace FastMaker.Engine.Orders;

/// <summary>
/// What the quote stage (or an operator, or risk) wants done with one order. Intents go to the gate, the only
/// path to the signer; the gate approves or rejects each with a reason before anything is signed.
/// </summary>
public struct OrderIntent
{
    /// <summary>Place, cancel or replace.</summary>
    public IntentKind Kind;

    /// <summary>Why this order exists: decides maker/taker classification and what the gate allows.</summary>
    public OrderOrigin Origin;

    /// <summary>BUY or SELL of <see cref="TokenIndex"/>.</summary>
    public Side Side;

    /// <summary>Post-only: rejected by the venue rather than crossing. Maker quotes are always post-only.</summary>
    public bool PostOnly;

    /// <summary>Time in force.</summary>
    public IntentTimeInForce TimeInForce;

    /// <summary>Dense token index.</summary>
    public int TokenIndex;

    /// <summary>Dense market index.</summary>
    public int MarketIndex;

    /// <summary>Limit price, on the market's tick grid.</summary>
    public Price Price;

    /// <summary>Size in shares.</summary>
    public Quantity Size;

    /// <summary>GTD expiration, unix seconds (0 = none).</summary>
    public long ExpirationSeconds;

    /// <summary>For <see cref="IntentKind.Cancel"/> and <see cref="IntentKind.Replace"/>: the live order affected.</summary>
    public Hash32 TargetOrderId;

    /// <summary>When the intent was formed (the engine clock, unix ms).</summary>
    public long CreatedMs;
}

/// <summary>What an intent asks for.</summary>
public enum IntentKind : byte
{
    /// <summary>Place a new order.</summary>
    Place,

    /// <summary>Cancel <see cref="OrderIntent.TargetOrderId"/>.</summary>
    Cancel,

    /// <summary>Cancel <see cref="OrderIntent.TargetOrderId"/> and place the new order; reservations move atomically.</summary>
    Replace,

    /// <summary>Cancel every order of the market (<see cref="OrderIntent.MarketIndex"/>), or every order when it is -1.</summary>
    CancelAll,
}

/// <summary>Why an order was created.</summary>
public enum OrderOrigin : byte
{
    /// <summary>A resting post-only quote of the market maker: its fills are maker fills.</summary>
    MakerQuote,

    /// <summary>A marketable order that reduces inventory: its fills are taker fills.</summary>
    TakerExit,

    /// <summary>Placed by an operator.</summary>
    Operator,

    /// <summary>Found at the venue and adopted by reconciliation; its origin is unknown.</summary>
    Adopted,
}

/// <summary>Order types the engine uses.</summary>
public enum IntentTimeInForce : byte
{
    /// <summary>Good till cancelled.</summary>
    Gtc,

    /// <summary>Good till a date.</summary>
    Gtd,

    /// <summary>Fill or kill.</summary>
    Fok,

    /// <summary>Fill and kill.</summary>
    Fak,
}
