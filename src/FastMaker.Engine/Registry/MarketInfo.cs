using FastMaker.Primitives;

namespace FastMaker.Engine.Registry;

/// <summary>
/// Everything the engine knows about one binary market (a condition with a YES and a NO token), from metadata
/// and from market-channel events. Owned and mutated by the engine thread only.
/// </summary>
/// <remarks>
/// Optional facts are nullable and never silently defaulted: a market without a tick size, a min size or an end
/// date is not quoted, and <see cref="NotQuotableReason"/> says why.
/// </remarks>
public sealed class MarketInfo
{
    /// <summary>Creates a market entry; the registry assigns the indexes.</summary>
    public MarketInfo(int marketIndex, Hash32 conditionId, UInt256 yesToken, UInt256 noToken, int yesIndex, int noIndex)
    {
        MarketIndex = marketIndex;
        ConditionId = conditionId;
        YesToken = yesToken;
        NoToken = noToken;
        YesIndex = yesIndex;
        NoIndex = noIndex;
    }

    /// <summary>Dense index of this market.</summary>
    public int MarketIndex { get; }

    /// <summary>The condition id.</summary>
    public Hash32 ConditionId { get; }

    /// <summary>The first outcome's token (YES, or the first of the two outcomes).</summary>
    public UInt256 YesToken { get; }

    /// <summary>The second outcome's token.</summary>
    public UInt256 NoToken { get; }

    /// <summary>Dense index of <see cref="YesToken"/>.</summary>
    public int YesIndex { get; }

    /// <summary>Dense index of <see cref="NoToken"/>.</summary>
    public int NoIndex { get; }

    /// <summary>The question text, for people.</summary>
    public string Question { get; set; } = string.Empty;

    /// <summary>Outcome labels, e.g. "Yes"/"No" or "Up"/"Down".</summary>
    public string[] Outcomes { get; set; } = [];

    /// <summary>The minimum tick, from metadata or the latest tick_size_change; null when unknown.</summary>
    public TickSize? Tick { get; set; }

    /// <summary>The minimum order size in shares; null when unknown.</summary>
    public Quantity? MinOrderSize { get; set; }

    /// <summary>Taker fee rate in basis points (fee = shares x rate x (p(1-p))^exponent); null when unknown.</summary>
    public int? TakerFeeRateBps { get; set; }

    /// <summary>Fee exponent (1 today).</summary>
    public int FeeExponent { get; set; } = 1;

    /// <summary>Scheduled end of trading, unix ms; null when unknown.</summary>
    public long? EndMs { get; set; }

    /// <summary>A sports game's start, unix ms, when the market has one.</summary>
    public long? GameStartMs { get; set; }

    /// <summary>The venue accepts orders.</summary>
    public bool AcceptingOrders { get; set; }

    /// <summary>The market is closed.</summary>
    public bool Closed { get; set; }

    /// <summary>Orders must be signed for the negRisk exchange.</summary>
    public bool NegRisk { get; set; }

    /// <summary>The event is an augmented negRisk event (placeholders and an "Other").</summary>
    public bool NegRiskAugmented { get; set; }

    /// <summary>This market is the augmented event's "Other" outcome: never quoted.</summary>
    public bool NegRiskOther { get; set; }

    /// <summary>The negRisk market id that binds the event's markets, if any.</summary>
    public Hash32? NegRiskMarketId { get; set; }

    /// <summary>The parent event id (the risk cluster for negRisk events).</summary>
    public string? EventId { get; set; }

    /// <summary>Liquidity rewards: minimum size that scores; null when the market has no rewards.</summary>
    public Quantity? RewardsMinSize { get; set; }

    /// <summary>Liquidity rewards: max spread from the adjusted midpoint that scores, as a price distance.</summary>
    public Price? RewardsMaxSpread { get; set; }

    /// <summary>The market state last evaluated from the three clocks (the engine thread updates it).</summary>
    public FastMaker.Engine.Time.MarketState State { get; set; } = FastMaker.Engine.Time.MarketState.ChallengeWindow;

    /// <summary>UMA resolution progress.</summary>
    public ResolutionStatus Resolution { get; set; }

    /// <summary>When the UMA proposal was made, unix ms, if one was.</summary>
    public long? ProposalMs { get; set; }

    /// <summary>Why this market must not be quoted, or null when its metadata is complete.</summary>
    public string? NotQuotableReason { get; set; }

    /// <summary>True once a metadata refresh has described this market (before that, its facts are not diffed).</summary>
    public bool HasMetadata { get; set; }

    /// <summary>When the market opened (Gamma <c>startDate</c>), unix ms; null when unknown.</summary>
    public long? StartMs { get; set; }

    /// <summary>When the underlying event starts (Gamma <c>eventStartTime</c>, e.g. a crypto window), unix ms, if any.</summary>
    public long? EventStartMs { get; set; }

    /// <summary>The venue clears the book at the game's start (<c>clearBookOnStart</c> / <c>cbos</c>).</summary>
    public bool ClearBookOnStart { get; set; }

    /// <summary>Marketable orders are held this many seconds (sports <c>seconds_delay</c>); null when unknown.</summary>
    public int? SecondsDelay { get; set; }

    /// <summary>The market charges platform fees; null when unknown.</summary>
    public bool? FeesEnabled { get; set; }

    /// <summary>Fees are charged to takers only (<c>fd.to</c> / <c>feeSchedule.takerOnly</c>).</summary>
    public bool FeeTakerOnly { get; set; }

    /// <summary>The parent event is a negRisk event (event <c>negRisk</c> or <c>enableNegRisk</c>).</summary>
    public bool EventNegRisk { get; set; }

    /// <summary>
    /// Why the engine halted this market after a metadata change (negRisk flags, event binding), or null. Cleared by
    /// the next refresh in which the market's flags and binding are unchanged (a clean refresh).
    /// </summary>
    public string? HaltReason { get; set; }

    /// <summary>The missing or contradictory time data found at the last state evaluation, or None.</summary>
    public FastMaker.Engine.Time.TimeDataProblem TimeProblem { get; set; }

    /// <summary>True when metadata is complete, nothing halted it, and its state allows maker quotes.</summary>
    public bool CanQuote =>
        NotQuotableReason is null && HaltReason is null && FastMaker.Engine.Time.MarketStateRules.AllowsMakerQuotes(State);

    /// <summary>Dense index of the given token's complement in this market.</summary>
    public int ComplementOf(int tokenIndex) => tokenIndex == YesIndex ? NoIndex : YesIndex;

    /// <inheritdoc />
    public override string ToString() => ConditionId + " " + Question;
}

/// <summary>The resolution clock's position.</summary>
public enum ResolutionStatus : byte
{
    /// <summary>No proposal yet.</summary>
    Open,

    /// <summary>A UMA proposal is in its challenge window.</summary>
    Proposed,

    /// <summary>A proposal was disputed.</summary>
    Disputed,

    /// <summary>Resolved: a winner is known.</summary>
    Resolved,
}
