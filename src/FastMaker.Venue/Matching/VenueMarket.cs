using FastMaker.Primitives;

namespace FastMaker.Venue.Matching;

/// <summary>
/// One binary market on the venue: its metadata (what Gamma and <c>/clob-markets</c> serve) and the
/// state the engine changes (tick size, accepting orders, closed, resolution). Mutable state is
/// changed only through <see cref="MatchingEngine"/>.
/// </summary>
public sealed class VenueMarket
{
    /// <summary>Condition id (the CLOB's <c>market</c>).</summary>
    public required Hash32 ConditionId { get; init; }

    /// <summary>The question, e.g. "Will it rain in Paris on 1 May?".</summary>
    public required string Question { get; init; }

    /// <summary>Market slug for Gamma.</summary>
    public string Slug { get; init; } = "";

    /// <summary>Token id of outcome 0 (YES).</summary>
    public required UInt256 YesToken { get; init; }

    /// <summary>Token id of outcome 1 (NO).</summary>
    public required UInt256 NoToken { get; init; }

    /// <summary>Outcome names, index 0 = YES token, index 1 = NO token.</summary>
    public string[] Outcomes { get; init; } = ["Yes", "No"];

    /// <summary>Minimum price increment; changed by the engine at the price thresholds or on command.</summary>
    public required TickSize TickSize { get; set; }

    /// <summary>Minimum size of a resting (GTC/GTD) order, in shares.</summary>
    public Quantity MinOrderSize { get; init; } = Quantity.FromRaw(5_000_000);

    /// <summary>Taker fee rate in millionths (0.07 = 70_000); fee = C x rate x (p(1-p))^exponent.</summary>
    public int TakerFeeRatePpm { get; init; }

    /// <summary>Exponent of the fee formula (1 today; 2 on some older crypto markets).</summary>
    public int TakerFeeExponent { get; init; } = 1;

    /// <summary>True when the market belongs to a negative-risk event.</summary>
    public bool NegRisk { get; init; }

    /// <summary>The negRisk market id shared by every market of the event (zero when not negRisk).</summary>
    public Hash32 NegRiskMarketId { get; init; }

    /// <summary>Gamma event id the market belongs to.</summary>
    public string EventId { get; init; } = "";

    /// <summary>False while the book is not open for new orders.</summary>
    public bool AcceptingOrders { get; internal set; } = true;

    /// <summary>True once the market is closed (no orders, book cleared).</summary>
    public bool Closed { get; internal set; }

    /// <summary>Scheduled end of trading (informational; trading stops when closed).</summary>
    public DateTimeOffset? EndDate { get; init; }

    /// <summary>Start of the game for sports markets.</summary>
    public DateTimeOffset? GameStart { get; init; }

    /// <summary>When true, resting orders are cancelled at game start.</summary>
    public bool ClearBookOnStart { get; init; }

    /// <summary>Minimum size for liquidity rewards, in shares.</summary>
    public Quantity RewardsMinSize { get; init; }

    /// <summary>Maximum spread for liquidity rewards, in cents.</summary>
    public decimal RewardsMaxSpreadCents { get; init; }

    /// <summary>Where the market is in the UMA resolution process.</summary>
    public ResolutionState Resolution { get; internal set; }

    /// <summary>The winning outcome index (0 YES, 1 NO) once resolved or proposed; -1 before.</summary>
    public int WinningOutcome { get; internal set; } = -1;

    /// <summary>Dense index of the market inside its engine.</summary>
    internal int Index { get; set; } = -1;

    /// <summary>The token id of outcome <paramref name="outcome"/> (0 YES, 1 NO).</summary>
    public UInt256 TokenOf(int outcome) => outcome == 0 ? YesToken : NoToken;
}
