namespace FastMaker.Engine.Time;

/// <summary>
/// Where a market stands on its three clocks (trading, event, resolution). Derived from metadata and event time only.
/// Missing or contradictory time data maps to <see cref="ChallengeWindow"/>: cancel everything.
/// </summary>
/// <remarks>
/// What each state allows (<see cref="MarketStateRules"/>):
/// <list type="table">
/// <listheader><term>state</term><description>maker quotes / reducing orders / cancels</description></listheader>
/// <item><term>Active</term><description>yes / yes / yes</description></item>
/// <item><term>WindDown</term><description>no new exposure: only orders that reduce inventory / yes / yes</description></item>
/// <item><term>PreEvent</term><description>no / no / yes (the venue may clear the book at game start)</description></item>
/// <item><term>ChallengeWindow</term><description>no / no / yes</description></item>
/// <item><term>Resolved</term><description>no / no / yes (nothing rests; redemption is off the CLOB)</description></item>
/// <item><term>Halted</term><description>no / no / yes</description></item>
/// </list>
/// The engine emits a CancelAll for a market when its state changes to one that forbids what the previous state
/// allowed (<see cref="MarketStateStage.Forbids"/>), and when a metadata refresh halts it. PreEvent starts
/// <see cref="TimeModelOptions.PreEventMarginMs"/> before the game (or event) start and lasts through it: there is no
/// in-play quoting, whatever <c>clearBookOnStart</c> says. See <see cref="TimeModel"/> for the evaluation order.
/// </remarks>
public enum MarketState : byte
{
    /// <summary>Trading normally.</summary>
    Active,

    /// <summary>Close to the end of trading: exposure may only shrink.</summary>
    WindDown,

    /// <summary>Within the margin before a sports game's start: quotes are cancelled.</summary>
    PreEvent,

    /// <summary>A resolution is proposed and challengeable, or time data is missing or contradictory.</summary>
    ChallengeWindow,

    /// <summary>Resolved.</summary>
    Resolved,

    /// <summary>Stopped by us (metadata change, operator, kill switch) or by the venue (closed, not accepting orders).</summary>
    Halted,
}

/// <summary>The allow-table of <see cref="MarketState"/>.</summary>
public static class MarketStateRules
{
    /// <summary>May a new maker quote (adding exposure) be placed?</summary>
    public static bool AllowsMakerQuotes(MarketState state) => state == MarketState.Active;

    /// <summary>May an order that only reduces inventory be placed?</summary>
    public static bool AllowsReducingOrders(MarketState state) => state is MarketState.Active or MarketState.WindDown;

    /// <summary>Cancels are always allowed.</summary>
    public static bool AllowsCancels(MarketState state) => true;

    /// <summary>Must resting orders be cancelled on entering this state?</summary>
    public static bool RequiresCancelAll(MarketState state) =>
        state is MarketState.PreEvent or MarketState.ChallengeWindow or MarketState.Resolved or MarketState.Halted;
}
